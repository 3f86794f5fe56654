namespace ParisCoDraft.Benchmarks;

/// <summary>One patch: delete <see cref="DeleteCount"/> at <see cref="Position"/>, then insert <see cref="Inserted"/> there.</summary>
public readonly record struct TracePatch(int Position, int DeleteCount, string Inserted);
