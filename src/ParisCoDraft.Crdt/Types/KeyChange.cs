namespace ParisCoDraft.Crdt;

/// <summary>Kind of change of one map key.</summary>
public enum KeyChangeAction
{
    /// <summary>The key was added.</summary>
    Add,
    /// <summary>The key's value was replaced.</summary>
    Update,
    /// <summary>The key was deleted.</summary>
    Delete,
}

/// <summary>A change of one map key with the previous value.</summary>
/// <param name="Action">What happened.</param>
/// <param name="OldValue">The value before (null for Add).</param>
public readonly record struct KeyChange(KeyChangeAction Action, object? OldValue);
