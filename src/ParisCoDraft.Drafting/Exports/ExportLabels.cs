using System.Globalization;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Ideas;

namespace ParisCoDraft.Drafting.Exports;

/// <summary>
/// Every word an export writes around the bill's own text, one table per language, both here so that a label
/// added to one is seen missing from the other. The bill's text (title, preamble, clauses, idea titles, notes)
/// is never translated. Dates are written out per language with month names held here, so the output does
/// not depend on the machine's culture data.
/// </summary>
public sealed class ExportLabels
{
    /// <summary>French (the default).</summary>
    public static ExportLabels French { get; } = new()
    {
        Code = "fr",
        Iso6392 = "fra",
        Locale = "fr-FR",
        Article = "Article",
        Preamble = "Préambule",
        Annex = "Annexe",
        AnnexName = "annexe",
        CurrentText = "texte courant",
        CurrentFileName = "courant",
        AnnexFileName = "annexe",
        VersionLineFormat = "Version {0} du {1} — SHA-256 du texte : {2}",
        Months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        FirstOfMonth = "1er",
        TimeFormat = "{0} à {1:HH':'mm} UTC",
        Withdrawn = "retiré",
        NoArticles = "Ce texte ne compte encore aucun article.",
        ConsensusTitle = "Consensus par article",
        ConsensusHeaders = ["Article", "Groupe", "D'accord", "Réserves", "Désaccord", "Blocage", "État"],
        Citizens = "Citoyen·nes",
        ElectedOfficials = "Élu·es",
        CivilServants = "Agent·es",
        Open = "En discussion",
        Consensus = "Consensus",
        ConsensusWithReservations = "Consensus avec réserves",
        NoConsensus = "Pas de consensus",
        Blocked = "Bloqué",
        ApprovalTitle = "Vote d'approbation",
        ApprovalHeaders = ["Votant·es", "Date", "Résultat", "SHA-256 du texte voté"],
        Approved = "Approuvé",
        Rejected = "Rejeté",
        ApprovalVotersFormat = "Assemblée citoyenne : {0} pour, {1} contre, {2} inscrit·es",
        IdeasTitle = "Traçabilité des idées de l'Assemblée",
        IdeasHeaders = ["N°", "Idée", "Suite donnée", "Articles"],
        NotPlacedYet = "Pas encore placée",
        Carried = "Reprise dans la délibération",
        MergedWithFormat = "Fusionnée avec l'idée {0}",
        AlreadyDone = "Déjà mise en œuvre par la Ville",
        OutsidePowers = "Hors des compétences de la Ville",
        SetAsideLabel = "Écartée",
        NoteSeparator = " : ",
        WorkshopsTitle = "Ateliers de co-rédaction",
        WorkshopsHeaders = ["Atelier", "Date", "Lieu"],
        Online = "en ligne",
        OnlineAlone = "En ligne",
        Hybrid = "hybride",
        CommitmentsTitle = "Engagements de suivi",
        CommitmentsHeaders = ["Article", "Direction", "Action", "Échéance", "État"],
        Planned = "Prévu",
        InProgress = "En cours",
        Done = "Réalisé",
        Late = "En retard",
        Dropped = "Abandonné",
    };

    /// <summary>English.</summary>
    public static ExportLabels English { get; } = new()
    {
        Code = "en",
        Iso6392 = "eng",
        Locale = "en-GB",
        Article = "Article",
        Preamble = "Preamble",
        Annex = "Annex",
        AnnexName = "annex",
        CurrentText = "current text",
        CurrentFileName = "current",
        AnnexFileName = "annex",
        VersionLineFormat = "Version {0} of {1} — SHA-256 of the text: {2}",
        Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        FirstOfMonth = null,
        TimeFormat = "{0} at {1:HH':'mm} UTC",
        Withdrawn = "withdrawn",
        NoArticles = "This text has no article yet.",
        ConsensusTitle = "Consensus per article",
        ConsensusHeaders = ["Article", "Group", "Agree", "Reservations", "Disagree", "Block", "State"],
        Citizens = "Citizens",
        ElectedOfficials = "Elected officials",
        CivilServants = "Civil servants",
        Open = "Under discussion",
        Consensus = "Consensus",
        ConsensusWithReservations = "Consensus with reservations",
        NoConsensus = "No consensus",
        Blocked = "Blocked",
        ApprovalTitle = "Approval vote",
        ApprovalHeaders = ["Voters", "Date", "Result", "SHA-256 of the text voted on"],
        Approved = "Approved",
        Rejected = "Rejected",
        ApprovalVotersFormat = "Citizens' Assembly: {0} for, {1} against, {2} registered",
        IdeasTitle = "Traceability of the Assembly's ideas",
        IdeasHeaders = ["No.", "Idea", "Outcome", "Articles"],
        NotPlacedYet = "Not placed yet",
        Carried = "Carried into the bill",
        MergedWithFormat = "Merged with idea {0}",
        AlreadyDone = "Already done by the City",
        OutsidePowers = "Outside the City's powers",
        SetAsideLabel = "Set aside",
        NoteSeparator = ": ",
        WorkshopsTitle = "Co-writing workshops",
        WorkshopsHeaders = ["Workshop", "Date", "Place"],
        Online = "online",
        OnlineAlone = "Online",
        Hybrid = "hybrid",
        CommitmentsTitle = "Follow-up commitments",
        CommitmentsHeaders = ["Article", "Department", "Action", "Due", "Status"],
        Planned = "Planned",
        InProgress = "In progress",
        Done = "Done",
        Late = "Late",
        Dropped = "Dropped",
    };

    private ExportLabels()
    {
    }

    /// <summary>The table of <paramref name="language"/>.</summary>
    public static ExportLabels For(ExportLanguage language) => language == ExportLanguage.English ? English : French;

    /// <summary>Reads "fr" or "en" (any case; null or empty means French); false for anything else.</summary>
    public static bool TryParse(string? code, out ExportLanguage language)
    {
        language = ExportLanguage.French;
        if (string.IsNullOrEmpty(code) || code.Equals("fr", StringComparison.OrdinalIgnoreCase)) return true;
        if (!code.Equals("en", StringComparison.OrdinalIgnoreCase)) return false;
        language = ExportLanguage.English;
        return true;
    }

    /// <summary>BCP 47 / xml:lang code: "fr", "en".</summary>
    public required string Code { get; init; }

    /// <summary>ISO 639-2 code, as Akoma Ntoso's FRBRlanguage and expression URIs want it: "fra", "eng".</summary>
    public required string Iso6392 { get; init; }

    /// <summary>Word's proofing language: "fr-FR", "en-GB".</summary>
    public required string Locale { get; init; }

    /// <summary>"Article" (followed by the number).</summary>
    public required string Article { get; init; }

    /// <summary>Names the preamble section.</summary>
    public required string Preamble { get; init; }

    /// <summary>The annex heading.</summary>
    public required string Annex { get; init; }

    /// <summary>The annex in identifiers (Akoma Ntoso doc name and URI component).</summary>
    public required string AnnexName { get; init; }

    /// <summary>The version label of an export of the current text.</summary>
    public required string CurrentText { get; init; }

    /// <summary>The file name part for the current text.</summary>
    public required string CurrentFileName { get; init; }

    /// <summary>The file name part for an export with its annex.</summary>
    public required string AnnexFileName { get; init; }

    /// <summary>{0} version label, {1} timestamp, {2} SHA-256.</summary>
    public required string VersionLineFormat { get; init; }

    /// <summary>Month names, January first.</summary>
    public required IReadOnlyList<string> Months { get; init; }

    /// <summary>How the first day of a month is written ("1er" in French), or null for the plain number.</summary>
    public required string? FirstOfMonth { get; init; }

    /// <summary>{0} date, {1} the UTC time.</summary>
    public required string TimeFormat { get; init; }

    /// <summary>Follows the id of a withdrawn clause, in parentheses.</summary>
    public required string Withdrawn { get; init; }

    /// <summary>The sentence standing for the body of a bill that has no article yet (Akoma Ntoso needs one element there).</summary>
    public required string NoArticles { get; init; }

    /// <summary>Consensus table title.</summary>
    public required string ConsensusTitle { get; init; }

    /// <summary>Consensus table headers.</summary>
    public required IReadOnlyList<string> ConsensusHeaders { get; init; }

    /// <summary>Group name.</summary>
    public required string Citizens { get; init; }

    /// <summary>Group name.</summary>
    public required string ElectedOfficials { get; init; }

    /// <summary>Group name.</summary>
    public required string CivilServants { get; init; }

    /// <summary>Consensus state.</summary>
    public required string Open { get; init; }

    /// <summary>Consensus state.</summary>
    public required string Consensus { get; init; }

    /// <summary>Consensus state.</summary>
    public required string ConsensusWithReservations { get; init; }

    /// <summary>Consensus state.</summary>
    public required string NoConsensus { get; init; }

    /// <summary>Consensus state.</summary>
    public required string Blocked { get; init; }

    /// <summary>Approval table title.</summary>
    public required string ApprovalTitle { get; init; }

    /// <summary>Approval table headers.</summary>
    public required IReadOnlyList<string> ApprovalHeaders { get; init; }

    /// <summary>Approval result.</summary>
    public required string Approved { get; init; }

    /// <summary>Approval result.</summary>
    public required string Rejected { get; init; }

    /// <summary>{0} for, {1} against, {2} eligible.</summary>
    public required string ApprovalVotersFormat { get; init; }

    /// <summary>Idea traceability table title.</summary>
    public required string IdeasTitle { get; init; }

    /// <summary>Idea traceability table headers.</summary>
    public required IReadOnlyList<string> IdeasHeaders { get; init; }

    /// <summary>Idea outcome.</summary>
    public required string NotPlacedYet { get; init; }

    /// <summary>Idea outcome.</summary>
    public required string Carried { get; init; }

    /// <summary>Idea outcome; {0} the other ideas' numbers.</summary>
    public required string MergedWithFormat { get; init; }

    /// <summary>Idea outcome.</summary>
    public required string AlreadyDone { get; init; }

    /// <summary>Idea outcome.</summary>
    public required string OutsidePowers { get; init; }

    /// <summary>Idea outcome (followed by the reason).</summary>
    public required string SetAsideLabel { get; init; }

    /// <summary>Between an outcome and its note (" : " in French typography).</summary>
    public required string NoteSeparator { get; init; }

    /// <summary>Workshops table title.</summary>
    public required string WorkshopsTitle { get; init; }

    /// <summary>Workshops table headers.</summary>
    public required IReadOnlyList<string> WorkshopsHeaders { get; init; }

    /// <summary>Follows the place of an online workshop, in parentheses.</summary>
    public required string Online { get; init; }

    /// <summary>The place of an online workshop without one.</summary>
    public required string OnlineAlone { get; init; }

    /// <summary>Follows the place of a hybrid workshop, in parentheses.</summary>
    public required string Hybrid { get; init; }

    /// <summary>Commitments table title.</summary>
    public required string CommitmentsTitle { get; init; }

    /// <summary>Commitments table headers.</summary>
    public required IReadOnlyList<string> CommitmentsHeaders { get; init; }

    /// <summary>Commitment status.</summary>
    public required string Planned { get; init; }

    /// <summary>Commitment status.</summary>
    public required string InProgress { get; init; }

    /// <summary>Commitment status.</summary>
    public required string Done { get; init; }

    /// <summary>Commitment status.</summary>
    public required string Late { get; init; }

    /// <summary>Commitment status.</summary>
    public required string Dropped { get; init; }

    /// <summary>"1er juin 2025" / "1 June 2025".</summary>
    public string Date(DateOnly d)
    {
        var day = d.Day == 1 && FirstOfMonth is { } first ? first : d.Day.ToString(CultureInfo.InvariantCulture);
        return day + " " + Months[d.Month - 1] + " " + d.Year.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>"1er juin 2025 à 08:30 UTC" / "1 June 2025 at 08:30 UTC" (always in UTC, so every reader sees the same).</summary>
    public string Timestamp(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        return string.Format(CultureInfo.InvariantCulture, TimeFormat, Date(DateOnly.FromDateTime(utc.UtcDateTime)), utc.UtcDateTime);
    }

    /// <summary>"Version v3 du … — SHA-256 du texte : …".</summary>
    public string VersionLine(string versionLabel, DateTimeOffset timestamp, string sha256) =>
        string.Format(CultureInfo.InvariantCulture, VersionLineFormat, versionLabel, Timestamp(timestamp), sha256);

    /// <summary>"Article 3".</summary>
    public string ArticleNumber(int number) => Article + " " + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The name of a stakeholder group.</summary>
    public string Group(StakeholderGroup g) => g switch
    {
        StakeholderGroup.Citizens => Citizens,
        StakeholderGroup.ElectedOfficials => ElectedOfficials,
        _ => CivilServants,
    };

    /// <summary>The words for a consensus state.</summary>
    public string State(ClauseConsensusState s) => s switch
    {
        ClauseConsensusState.Open => Open,
        ClauseConsensusState.Consensus => Consensus,
        ClauseConsensusState.ConsensusWithReservations => ConsensusWithReservations,
        ClauseConsensusState.NoConsensus => NoConsensus,
        _ => Blocked,
    };

    /// <summary>The words for an approval result.</summary>
    public string Result(ApprovalResult r) => r == ApprovalResult.Approved ? Approved : Rejected;

    /// <summary>Who voted, in words.</summary>
    public string ApprovalVoters(int inFavour, int against, int eligible) =>
        string.Format(CultureInfo.InvariantCulture, ApprovalVotersFormat, inFavour, against, eligible);

    /// <summary>A commitment status: a wire name ("in-progress") in words; anything else as given.</summary>
    public string CommitmentStatus(string status) => status switch
    {
        "planned" => Planned,
        "in-progress" => InProgress,
        "done" => Done,
        "late" => Late,
        "dropped" => Dropped,
        _ => status,
    };

    /// <summary>What became of an idea, in words.</summary>
    public string IdeaOutcome(TraceabilityRow r) => (r.Placed, r.Disposition) switch
    {
        (false, _) => NotPlacedYet,
        (_, CarriedInClauses) => Carried,
        (_, MergedWith m) => string.Format(CultureInfo.InvariantCulture, MergedWithFormat, string.Join(", ", m.IdeaNumbers)),
        (_, AlreadyDoneByCity d) => AlreadyDone + (d.Note is { } n ? NoteSeparator + n : ""),
        (_, OutsideCityPowers o) => OutsidePowers + (o.Note is { } n ? NoteSeparator + n : ""),
        (_, SetAside s) => SetAsideLabel + NoteSeparator + s.Reason,
        _ => "",
    };

    /// <summary>The annex rows of a traceability matrix, outcomes in this language.</summary>
    public IReadOnlyList<IdeaTraceRow> TraceRows(TraceabilityMatrix matrix) =>
        [.. matrix.Rows.Select(r => new IdeaTraceRow(r.Idea.Number, r.Idea.Title, IdeaOutcome(r), r.ClauseIds))];

    /// <summary>A workshop's place with its mode ("online", "hybrid", "in-person").</summary>
    public string WorkshopPlace(string place, string mode) => mode switch
    {
        "online" => place.Length > 0 ? place + " (" + Online + ")" : OnlineAlone,
        "hybrid" => place.Length > 0 ? place + " (" + Hybrid + ")" : Hybrid,
        _ => place,
    };
}
