import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { DocumentNode, getNamedType, GraphQLError, Kind, visit } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { config } from '../config/config';
import { INVALID_CHARACTER, textProblem, textProblemMessage } from '../common/validation/text';

/**
 * Request limits (README: accounts, roles and personal data). Depth 12 fits the deepest useful tree (townships → villages →
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
  // The page size is `first`, or inside an input object (the worklists' `scope: { first }`).
  const nested = Object.values(args).find(
    (a) => a && typeof a === 'object' && typeof (a as { first?: unknown }).first === 'number',
  ) as { first: number } | undefined;
  const size = typeof args.first === 'number' ? args.first : nested?.first;
  const first = typeof size === 'number' ? Math.max(size, 1) : config.defaultPageSize;
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

/** Deepest nesting of objects and lists a variable may have: filters nest 8 levels (≈ 20 here). */
export const MAX_INPUT_DEPTH = 32;

/**
 * Walks an untrusted value (variables, a JSON filter) iteratively, never recursing (issue #11
 * fault 9): the path of the first part nested deeper than MAX_INPUT_DEPTH, or of the first string
 * (or object key) the one text check refuses (common/validation/text.ts: NUL, lone surrogates).
 */
export function inspectInput(
  value: unknown,
  root: string,
): { tooDeep?: string; text?: { path: string; problem: 'NUL' | 'LONE_SURROGATE' } } {
  const stack: [unknown, string, number][] = [[value, root, 0]];
  while (stack.length) {
    const [v, path, depth] = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return { text: { path, problem } };
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) return { tooDeep: path };
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
    for (const [k] of entries) {
      const problem = textProblem(k);
      if (problem) return { text: { path, problem } };
    }
    for (let i = entries.length - 1; i >= 0; i--)
      stack.push([entries[i][1], `${path}.${entries[i][0]}`, depth + 1]);
  }
  return {};
}

/** BAD_USER_INPUT for a value nested too deep: FILTER_TOO_DEEP inside and/or/not, else INPUT_TOO_DEEP. */
export function tooDeep(path: string): GraphQLError {
  const filter = /\.(and|or|not)(\.|$)/.test(path);
  const reason = filter ? 'FILTER_TOO_DEEP' : 'INPUT_TOO_DEEP';
  return rejected(
    reason,
    `input nests more than ${MAX_INPUT_DEPTH} levels`,
    path.split('.').slice(0, 6).join('.'),
  );
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
        // Before anything walks them (the cost, graphql-js coercion, the filter compiler: all recursive).
        for (const [name, value] of Object.entries(request.variables ?? {})) {
          const hit = inspectInput(value, name);
          if (hit.tooDeep) throw tooDeep(hit.tooDeep);
          if (hit.text)
            throw rejected(INVALID_CHARACTER, textProblemMessage(hit.text.problem), hit.text.path);
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
