// Every load client joins from this one address, many into one bill, and typists may exceed a person's pace:
// the server's abuse limits (docs/security.md) would throttle the load generator itself, so the servers it
// starts run with them lifted.
export const liftedAbuseLimits: readonly string[] = [
  '--ParisCoDraft:Security:JoinBurstPerAddress=100000', '--ParisCoDraft:Security:JoinBurstPerBill=100000',
  '--ParisCoDraft:Security:HubMessageBurst=100000', '--ParisCoDraft:Security:HubMessagesPerSecond=100000',
];
