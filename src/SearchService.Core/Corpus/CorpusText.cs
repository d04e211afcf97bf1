using System.Text;

namespace SearchService.Core.Corpus;

/// <summary>Decodes corpus bytes as strict UTF-8, refusing what is not text.</summary>
public static class CorpusText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Returns the text, or null with a reason when the bytes are binary or not valid UTF-8.</summary>
    public static string? TryDecode(ReadOnlySpan<byte> bytes, out string? problem)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            bytes = bytes[3..];
        if (bytes.IndexOf((byte)0) >= 0)
        {
            problem = "binary content (NUL bytes), not text";
            return null;
        }
        try
        {
            problem = null;
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            problem = $"invalid UTF-8 at byte {e.Index}";
            return null;
        }
    }
}
