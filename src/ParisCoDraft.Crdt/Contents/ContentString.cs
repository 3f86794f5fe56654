using System.Runtime.CompilerServices;
using System.Text;
using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

/// <summary>
/// Text content (ref 4). Stored as a growable char buffer so that merging consecutive single-character
/// inserts (the common typing case) is amortised O(1) instead of a string copy per keystroke.
/// </summary>
internal sealed class ContentString : Content
{
    private char[] _chars;
    private int _len;

    public ContentString(string s)
    {
        _chars = s.ToCharArray();
        _len = _chars.Length;
    }

    private ContentString(char[] chars, int len)
    {
        _chars = chars;
        _len = len;
    }

    public ReadOnlySpan<char> Span => _chars.AsSpan(0, _len);

    public string Str => new(_chars, 0, _len);

    public override int Length => _len;

    public override bool Countable => true;

    public override int Ref => 4;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override Content Splice(int offset)
    {
        var rightChars = _chars.AsSpan(offset, _len - offset).ToArray();
        _len = offset;
        // Yjs replaces a surrogate pair split at an item boundary by two U+FFFD.
        if (offset > 0 && char.IsHighSurrogate(_chars[offset - 1]))
        {
            _chars[offset - 1] = '\uFFFD';
            if (rightChars.Length > 0) rightChars[0] = '\uFFFD';
        }
        if (_chars.Length > 64 && _len < _chars.Length / 4)
        {
            _chars = _chars.AsSpan(0, _len).ToArray();
        }
        return new ContentString(rightChars, rightChars.Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool MergeWith(Content right)
    {
        var r = (ContentString)right;
        int need = _len + r._len;
        if (need > _chars.Length)
        {
            var n = new char[Math.Max(need, Math.Min(_chars.Length * 2, need + 4096))];
            _chars.AsSpan(0, _len).CopyTo(n);
            _chars = n;
        }
        r.Span.CopyTo(_chars.AsSpan(_len));
        _len = need;
        return true;
    }

    public override void Write(Lib0Writer w, int offset) => w.WriteVarString(_chars.AsSpan(offset, _len - offset));

    public override void AppendValues(List<object?> into)
    {
        for (int i = 0; i < _len; i++) into.Add(_chars[i].ToString());
    }

    public void AppendTo(StringBuilder sb) => sb.Append(_chars, 0, _len);

    public override Content Copy() => new ContentString(_chars.AsSpan(0, _len).ToArray(), _len);
}
