using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

/// <summary>JavaScript equality on "any" values.</summary>
internal static class JsValues
{
    public static bool StrictEquals(object? a, object? b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a is null || b is null) return false;
        if (a is string sa) return b is string sb && sa == sb;
        if (a is bool ba) return b is bool bb && ba == bb;
        if (IsNumber(a) && IsNumber(b)) return ToDouble(a) == ToDouble(b);
        if (a is Lib0Undefined || b is Lib0Undefined) return false;
        return false;
    }

    public static bool IsNumber(object o) => o is long or int or double or float or short or byte or uint or ulong or decimal;

    public static double ToDouble(object o) => Convert.ToDouble(o, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>yjs equalAttrs: strict equality, or shallow equality of two objects.</summary>
    public static bool EqualAttrs(object? a, object? b)
    {
        if (StrictEquals(a, b)) return true;
        if (a is IDictionary<string, object?> da && b is IDictionary<string, object?> db)
        {
            if (da.Count != db.Count) return false;
            foreach (var (k, v) in da)
            {
                if (!db.TryGetValue(k, out var w)) { if (v is not Lib0Undefined) return false; continue; }
                if (!StrictEquals(v, w)) return false;
            }
            return true;
        }
        if (a is IList<object?> la && b is IList<object?> lb)
        {
            if (la.Count != lb.Count) return false;
            for (int i = 0; i < la.Count; i++) if (!StrictEquals(la[i], lb[i])) return false;
            return true;
        }
        return false;
    }
}
