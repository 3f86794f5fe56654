namespace ParisCoDraft.Web.Tests.Support;

/// <summary>One hostile hub invocation: which connection sends it, the method, the bill id and the bytes, and how it was made.</summary>
public sealed record HubFuzzMessage(HubFuzzSender Sender, string Method, string BillId, byte[] Bytes, string Kind);
