using System.Text.Json;
using System.Text.Json.Serialization;

namespace SearchService.Core.Sharding;

/// <summary>
/// A <see cref="ShardHit"/> as a JSON array of its values in order, without its field names: a question's answer to the
/// query phase holds up to 1,000 of them from each shard, and with the names each took about twice the bytes to write,
/// send and read between processes. Numbers are written as the default converters write them (a float's shortest form
/// that reads back to the same float), so a hit reads back exactly.
/// </summary>
internal sealed class ShardHitJson : JsonConverter<ShardHit>
{
    public override ShardHit Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var doc = Next(ref reader).GetInt32();
        float? score = Next(ref reader).TokenType == JsonTokenType.Null ? null : reader.GetSingle();
        var date = Next(ref reader).GetInt64();
        var articleId = Next(ref reader).GetString() ?? throw new JsonException("A shard hit has an article id.");
        var paragraph = Next(ref reader).GetInt32();
        int? otherMatches = Next(ref reader).TokenType == JsonTokenType.Null ? null : reader.GetInt32();
        reader.Read();
        Expect(ref reader, JsonTokenType.EndArray);
        return new ShardHit(doc, score, date, articleId, paragraph, otherMatches);
    }

    public override void Write(Utf8JsonWriter writer, ShardHit value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Doc);
        if (value.Score is { } score)
            writer.WriteNumberValue(score);
        else
            writer.WriteNullValue();
        writer.WriteNumberValue(value.Date);
        writer.WriteStringValue(value.ArticleId);
        writer.WriteNumberValue(value.Paragraph);
        if (value.OtherMatches is { } other)
            writer.WriteNumberValue(other);
        else
            writer.WriteNullValue();
        writer.WriteEndArray();
    }

    private static ref Utf8JsonReader Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
            throw new JsonException("A shard hit ends early.");
        return ref reader;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token)
            throw new JsonException($"A shard hit expected {token}, found {reader.TokenType}.");
    }
}
