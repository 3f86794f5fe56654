namespace ParisCoDraft.Crdt;

/// <summary>Changes of a <see cref="YText"/>: <see cref="Delta"/> is a rich-text delta.</summary>
public sealed class YTextEvent : YEvent
{
    private List<DeltaOp>? _delta;

    internal YTextEvent(YText target, Transaction tr, HashSet<string?> subs) : base(target, tr, subs) { }

    /// <summary>The text delta (insert strings/embeds with attributes, retain with attribute changes, delete).</summary>
    public override IReadOnlyList<DeltaOp> Delta
    {
        get
        {
            if (_delta is not null) return _delta;
            var delta = new List<DeltaOp>();
            var doc = Target.Doc!;
            doc.Transact(tr =>
            {
                var currentAttributes = new AttrMap();
                var oldAttributes = new AttrMap();
                var item = Target.Start;
                string? action = null;
                var attributes = new AttrMap();
                object insert = "";
                var insertSb = new System.Text.StringBuilder();
                int retain = 0;
                int deleteLen = 0;
                void AddOp()
                {
                    if (action is null) return;
                    DeltaOp? op = null;
                    switch (action)
                    {
                        case "delete":
                            if (deleteLen > 0) op = DeltaOp.DeleteOp(deleteLen);
                            deleteLen = 0;
                            break;
                        case "insert":
                            object ins = insert is string ? insertSb.ToString() : insert;
                            if (ins is not string s || s.Length > 0)
                            {
                                op = DeltaOp.InsertOp(ins);
                                if (currentAttributes.Count > 0) op.Attributes = currentAttributes.ToDictionary(skipNull: true);
                            }
                            insert = "";
                            insertSb.Clear();
                            break;
                        case "retain":
                            if (retain > 0)
                            {
                                op = DeltaOp.RetainOp(retain);
                                if (attributes.Count > 0) op.Attributes = attributes.ToDictionary();
                            }
                            retain = 0;
                            break;
                    }
                    if (op is not null) delta.Add(op);
                    action = null;
                }
                while (item is not null)
                {
                    switch (item.Content)
                    {
                        case ContentType or ContentEmbed:
                            if (Adds(item))
                            {
                                if (!Deletes(item))
                                {
                                    AddOp();
                                    action = "insert";
                                    insert = AbstractType.LastValue(item)!;
                                    AddOp();
                                }
                            }
                            else if (Deletes(item))
                            {
                                if (action != "delete") { AddOp(); action = "delete"; }
                                deleteLen += 1;
                            }
                            else if (!item.IsDeleted)
                            {
                                if (action != "retain") { AddOp(); action = "retain"; }
                                retain += 1;
                            }
                            break;
                        case ContentString cs:
                            if (Adds(item))
                            {
                                if (!Deletes(item))
                                {
                                    if (action != "insert") { AddOp(); action = "insert"; }
                                    insertSb.Append(cs.Span);
                                }
                            }
                            else if (Deletes(item))
                            {
                                if (action != "delete") { AddOp(); action = "delete"; }
                                deleteLen += item.Len;
                            }
                            else if (!item.IsDeleted)
                            {
                                if (action != "retain") { AddOp(); action = "retain"; }
                                retain += item.Len;
                            }
                            break;
                        case ContentFormat f:
                            {
                                string key = f.Key;
                                object? value = f.Value;
                                if (Adds(item))
                                {
                                    if (!Deletes(item))
                                    {
                                        var curVal = currentAttributes.GetOrNull(key);
                                        if (!JsValues.EqualAttrs(curVal, value))
                                        {
                                            if (action == "retain") AddOp();
                                            if (JsValues.EqualAttrs(value, oldAttributes.GetOrNull(key))) attributes.Remove(key);
                                            else attributes.Set(key, value);
                                        }
                                        else if (value is not null)
                                        {
                                            item.Delete(tr);
                                        }
                                    }
                                }
                                else if (Deletes(item))
                                {
                                    oldAttributes.Set(key, value);
                                    var curVal = currentAttributes.GetOrNull(key);
                                    if (!JsValues.EqualAttrs(curVal, value))
                                    {
                                        if (action == "retain") AddOp();
                                        attributes.Set(key, curVal);
                                    }
                                }
                                else if (!item.IsDeleted)
                                {
                                    oldAttributes.Set(key, value);
                                    if (attributes.TryGet(key, out var attr))
                                    {
                                        if (!JsValues.EqualAttrs(attr, value))
                                        {
                                            if (action == "retain") AddOp();
                                            if (value is null) attributes.Remove(key);
                                            else attributes.Set(key, value);
                                        }
                                        else if (attr is not null)
                                        {
                                            item.Delete(tr);
                                        }
                                    }
                                }
                                if (!item.IsDeleted)
                                {
                                    if (action == "insert") AddOp();
                                    YText.UpdateCurrentAttributes(currentAttributes, f);
                                }
                                break;
                            }
                    }
                    item = item.Right;
                }
                AddOp();
                while (delta.Count > 0)
                {
                    var last = delta[^1];
                    if (last.Retain is not null && last.Attributes is null) delta.RemoveAt(delta.Count - 1);
                    else break;
                }
            });
            _delta = delta;
            return delta;
        }
    }
}
