namespace SearchService.Core.Searching;

/// <summary>A word that question feedback adds (<see cref="QuestionFeedback"/>), as indexed in the text field, with its weight.</summary>
public sealed record FeedbackWord(string Term, float Boost);
