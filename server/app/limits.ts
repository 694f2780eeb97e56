import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { DocumentNode, getNamedType, GraphQLError, Kind, visit } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { config } from '../config/config';
import {
  findInvalidText,
  INVALID_CHARACTER,
  textProblem,
  textProblemMessage,
} from '../common/validation/text';

/**
 * Request limits (DESIGN §7). Depth 12 fits the deepest useful tree (townships → villages →
 * households → members → fields); cost counts every field once and multiplies a connection's
 * selection by its page size (`first`, default 50), so a page of 500 households with members and
 * measures fits while exponential cyclic or aliased queries do not.
 */
export const LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 10,
  maxTokens: 5000,
  maxComplexity: 1_000_000,
};

/** Depth, alias and directive limits (graphql-armor), field suggestions hidden in production. */
export function armor(production: boolean) {
  return new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth },
    maxAliases: { n: LIMITS.maxAliases },
    maxDirectives: { n: LIMITS.maxDirectives },
    blockFieldSuggestion: { enabled: production },
    // Its cost and token plugins are replaced: cost below (page-size aware), tokens by Apollo's parser.
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
  }).protect();
}

const connectionEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!getNamedType(field.type).name.endsWith('Connection')) return undefined;
  const first = typeof args.first === 'number' ? Math.max(args.first, 1) : config.defaultPageSize;
  return 1 + first * childComplexity;
};

function rejected(reason: string, message: string, field?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'BAD_USER_INPUT',
      reason,
      ...(field ? { fields: [{ field, reason, message }] } : {}),
      http: { status: 400 },
    },
  });
}

const documents = new WeakMap<
  DocumentNode,
  { inlineText: 'NUL' | 'LONE_SURROGATE' | null; costs: Map<string, number> }
>();

/** The problem of the first inline string literal the text check refuses (common/validation/text.ts). */
function inlineTextProblem(document: DocumentNode): 'NUL' | 'LONE_SURROGATE' | null {
  let found: 'NUL' | 'LONE_SURROGATE' | null = null;
  visit(document, {
    [Kind.STRING]: (node) => {
      found ??= textProblem(node.value);
    },
  });
  return found;
}

/**
 * Rejects, before execution, operations over the cost limit (reason QUERY_TOO_COMPLEX) and text the
 * register's text check refuses (NUL, lone surrogates), in variables or inline (reason
 * INVALID_CHARACTER, with the variable path as its field).
 */
export const requestLimits: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, schema }) {
        for (const [name, value] of Object.entries(request.variables ?? {})) {
          const hit = findInvalidText(value, name);
          if (hit) throw rejected(INVALID_CHARACTER, textProblemMessage(hit.problem), hit.path);
        }
        // Per parsed document (Apollo reuses the DocumentNode of a repeated query): inline text, and the
        // cost for each distinct set of variables.
        let known = documents.get(document);
        if (!known)
          documents.set(document, (known = { inlineText: inlineTextProblem(document), costs: new Map() }));
        if (known.inlineText) throw rejected(INVALID_CHARACTER, textProblemMessage(known.inlineText));
        const key = `${request.operationName ?? ''}:${JSON.stringify(request.variables ?? {})}`;
        let complexity = known.costs.get(key);
        if (complexity === undefined) {
          try {
            complexity = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: request.operationName ?? undefined,
              estimators: [connectionEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            return; // invalid variables: execution reports them, with their path
          }
          if (known.costs.size < 100) known.costs.set(key, complexity);
        }
        if (complexity > LIMITS.maxComplexity) {
          throw rejected(
            'QUERY_TOO_COMPLEX',
            `query cost ${complexity} exceeds ${LIMITS.maxComplexity}: ask for smaller pages or fewer nested lists`,
          );
        }
      },
    };
  },
};
