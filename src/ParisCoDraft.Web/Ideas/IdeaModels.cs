namespace ParisCoDraft.Web.Ideas;

// The JSON shapes of the ideas API (camelCase on the wire).
#pragma warning disable CA1812 // instantiated by the JSON binder

/// <summary>What became of an idea, as the API shows and takes it (kind null: none yet).</summary>
public sealed record DispositionView(string? Kind, IReadOnlyList<string>? ClauseIds, IReadOnlyList<int>? IdeaNumbers, string? Note, string? Reason);

/// <summary>One idea and where it went.</summary>
public sealed record IdeaView(
    int Number, string Title, string Text, string? SourceGroup, DispositionView? Disposition,
    IReadOnlyList<string> ClauseIds, bool Placed, string? UnplacedReason);

/// <summary>An article of the current text, as a column of the matrix.</summary>
public sealed record ArticleView(string Id, int Number, string Heading);

/// <summary>GET …/ideas answer: the idea × article matrix and the ideas not placed yet.</summary>
public sealed record IdeasView(IReadOnlyList<ArticleView> Articles, IReadOnlyList<IdeaView> Ideas, int Placed, int Total);

/// <summary>POST …/ideas/import body: format csv or markdown.</summary>
public sealed record ImportIdeasRequest(string? Format, string? Content);

/// <summary>POST …/ideas/import answer.</summary>
public sealed record ImportIdeasResponse(int Imported, int Total);
