namespace ParisCoDraft.Drafting.Exports;

/// <summary>How the members of one group positioned themselves on a clause.</summary>
public sealed record ConsensusCounts(int Agree, int Reservations, int Disagree, int Block);
