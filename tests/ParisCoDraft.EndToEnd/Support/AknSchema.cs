using System.Xml;
using System.Xml.Schema;

namespace ParisCoDraft.EndToEnd.Support;

/// <summary>Validates XML against ../shared/schemas/akomantoso30.xsd (next to the repository root).</summary>
public static class AknSchema
{
    /// <summary>Where the schema is expected.</summary>
    public static string SchemaPath { get; } = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "schemas", "akomantoso30.xsd"));

    /// <summary>The validation errors and warnings, empty when the document is valid.</summary>
    public static List<string> Validate(string xml)
    {
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        schemas.Add("http://docs.oasis-open.org/legaldocml/ns/akn/3.0", SchemaPath);
        schemas.Compile();
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }
        return errors;
    }
}
