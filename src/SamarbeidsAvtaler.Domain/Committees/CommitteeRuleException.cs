namespace SamarbeidsAvtaler.Domain.Committees;

/// <summary>An action the committee rules do not allow now; the message is Norwegian and shown to the user.</summary>
public sealed class CommitteeRuleException(string message) : Exception(message);
