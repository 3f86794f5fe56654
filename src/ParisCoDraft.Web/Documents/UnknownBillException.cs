namespace ParisCoDraft.Web.Documents;

/// <summary>The store has no document for the bill.</summary>
public sealed class UnknownBillException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UnknownBillException(string billId) : base($"There is no bill '{billId}'.") => BillId = billId;

    /// <summary>Creates the exception.</summary>
    public UnknownBillException() : base("There is no such bill.") => BillId = "";

    /// <summary>Creates the exception.</summary>
    public UnknownBillException(string message, Exception inner) : base(message, inner) => BillId = "";

    /// <summary>The bill asked for.</summary>
    public string BillId { get; }
}
