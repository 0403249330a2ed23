namespace SamarbeidsAvtaler.Domain.Agreements;

/// <summary>An action the agreement's state does not allow; the message says why, in Norwegian.</summary>
public sealed class AgreementRuleException(string message) : Exception(message);
