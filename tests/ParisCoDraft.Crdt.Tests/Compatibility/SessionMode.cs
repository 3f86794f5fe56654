namespace ParisCoDraft.Crdt.Tests.Compatibility;

/// <summary>Which replicas a differential session has.</summary>
internal enum SessionMode
{
    /// <summary>C# and yjs replicas (at least one of each).</summary>
    Mixed,

    /// <summary>Only yjs replicas: checks the harness itself (yjs always converges).</summary>
    YjsOnly,

    /// <summary>Only C# replicas.</summary>
    CSharpOnly,
}
