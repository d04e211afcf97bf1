namespace SearchService.Core.Facets;

/// <summary>What a speaker is, as far as the articles say: a single bare name ("Exxon said", "Lawson said") may be either.</summary>
public enum SpeakerKind
{
    Person,
    Organisation,
    Unknown,
}
