namespace ParisCoDraft.Drafting.Bills;

/// <summary>
/// The demo bill offered by `scripts/run`: an illustrative text (not the adopted Paris bill) with enough
/// clauses to try editing, numbering, comments and consensus.
/// </summary>
public static class DemoBill
{
    /// <summary>The demo bill's title.</summary>
    public const string Title = "Projet de délibération citoyenne — Adapter la ville aux vagues de chaleur (démo)";

    /// <summary>The demo bill's preamble.</summary>
    public const string Preamble =
        "L'Assemblée citoyenne de Paris, réunie en ateliers de co-rédaction avec des élu·es de la majorité " +
        "et de l'opposition et des agent·es de la Ville, propose au Conseil de Paris la délibération suivante.";

    /// <summary>The demo bill's clauses, in order.</summary>
    public static IReadOnlyList<ClauseDraft> Clauses { get; } =
    [
        new("Îlots de fraîcheur",
            "La Ville ouvre, pendant chaque épisode de canicule, au moins un lieu rafraîchi par quartier, " +
            "accessible sans condition, de 10 h à 22 h."),
        new("Cours d'école oasis",
            "Toutes les cours d'école sont désimperméabilisées et végétalisées d'ici 2030, en priorité dans " +
            "les quartiers les plus exposés à la chaleur."),
        new("Alerte aux personnes isolées",
            "Le registre des personnes vulnérables est ouvert à toute personne qui le demande ; chaque personne " +
            "inscrite est appelée au moins une fois par jour de canicule."),
        new("Fontaines et eau potable",
            "Une fontaine à boire est accessible à moins de 200 mètres de chaque habitation."),
        new("Suivi citoyen",
            "Un an après l'adoption, l'Assemblée citoyenne examine la mise en œuvre de la présente délibération " +
            "et en rend compte au Conseil de Paris."),
    ];
}
