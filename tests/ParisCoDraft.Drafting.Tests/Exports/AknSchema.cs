using System.Xml;
using System.Xml.Schema;

namespace ParisCoDraft.Drafting.Tests.Exports;

/// <summary>Validates XML against ../shared/schemas/akomantoso30.xsd (tests using it are [SharedFileFact(AknSchema.Path)]).</summary>
internal static class AknSchema
{
    public const string Path = "schemas/akomantoso30.xsd";

    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add("http://docs.oasis-open.org/legaldocml/ns/akn/3.0", Builders.SharedFile(Path)!);
        set.Compile();
        return set;
    });

    /// <summary>The validation errors and warnings, empty when the document is valid.</summary>
    public static List<string> Validate(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas.Value };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }
        return errors;
    }
}
