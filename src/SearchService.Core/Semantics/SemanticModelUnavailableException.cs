namespace SearchService.Core.Semantics;

/// <summary>The language model of semantic re-ranking could not be loaded on this machine (ONNX Runtime or the model file).</summary>
public sealed class SemanticModelUnavailableException(Exception cause)
    : Exception($"The semantic re-ranking model could not be loaded: {cause.Message}", cause);
