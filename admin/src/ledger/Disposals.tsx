import { DayInput } from '../common/DayInput';
import { Stack } from '@mui/material';
import { required, TextInput, usePermissions, useRecordContext } from 'react-admin';
import type { Me } from '../auth/authProvider';
import { ActionButton } from '../common/ActionButton';
import { gql } from '../providers/graphql';
import { moneyRule } from '../resources/views';

/**
 * 处置审批: approve or reject a waiting request (district level; the server refuses the requester,
 * SAME_PERSON). Approval takes the asset out of use (DISPOSED) with the proceeds recorded.
 */
export function DisposalDecision() {
  const d = useRecordContext();
  const { permissions: me } = usePermissions<Me>();
  if (!d || d.status !== 'REQUESTED' || !me || !['ADMIN', 'DISTRICT_OFFICER'].includes(me.role)) return null;
  return (
    <Stack direction="row" spacing={1} onClick={(e) => e.stopPropagation()}>
      <ActionButton
        label="app.ledger.approve"
        done="app.ledger.approved"
        variant="contained"
        color="success"
        defaultValues={{ proceedsYuan: d.expectedProceedsYuan }}
        run={(v) =>
          gql(
            'mutation($id: ID!, $input: ApproveAssetDisposalInput!) { approveAssetDisposal(id: $id, input: $input) { id } }',
            {
              id: d.id,
              input: {
                approvalDocumentNo: v.approvalDocumentNo,
                proceedsYuan: String(v.proceedsYuan),
                date: v.date || null,
              },
            },
          )
        }
      >
        <TextInput
          source="approvalDocumentNo"
          label="resources.assetDisposals.fields.approvalDocumentNo"
          validate={required()}
        />
        <TextInput
          source="proceedsYuan"
          label="resources.assetDisposals.fields.proceedsYuan"
          validate={[required(), moneyRule]}
        />
        <DayInput source="date" label="app.ledger.date" helperText="app.monitoring.dateHelp" />
      </ActionButton>
      <ActionButton
        label="app.ledger.reject"
        done="app.ledger.rejected"
        color="warning"
        run={(v) =>
          gql(
            'mutation($id: ID!, $input: RejectAssetDisposalInput!) { rejectAssetDisposal(id: $id, input: $input) { id } }',
            {
              id: d.id,
              input: { reason: v.reason },
            },
          )
        }
      >
        <TextInput
          source="reason"
          label="resources.assetDisposals.fields.rejectionReason"
          multiline
          validate={required()}
        />
      </ActionButton>
    </Stack>
  );
}
