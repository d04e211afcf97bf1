using System.Text.Json;
using System.Text.Json.Serialization;
using SearchService.Core.Searching;

namespace SearchService.Core.Alerts;

/// <summary>
/// The alerts file's query syntax: written in camelCase as answers are (<see cref="QuerySyntax"/>), read in any case,
/// because files written before were PascalCase ("Simple") and the answers' converter reads only its own names.
/// </summary>
internal sealed class AnyCaseQuerySyntaxConverter : JsonConverter<QuerySyntax>
{
    public override QuerySyntax Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { } name && Enum.GetNames<QuerySyntax>().FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } known
            ? Enum.Parse<QuerySyntax>(known)
            : throw new JsonException($"Not a query syntax: {reader.GetString()}");

    public override void Write(Utf8JsonWriter writer, QuerySyntax value, JsonSerializerOptions options) =>
        writer.WriteStringValue(JsonNamingPolicy.CamelCase.ConvertName(value.ToString()));
}
