using SamarbeidsAvtaler.Domain;

namespace SamarbeidsAvtaler.Web.Components;

public enum CommandStatus
{
    Ok,
    /// <summary>The record does not exist, or the user may not see it: the same answer for both.</summary>
    NotFound,
    /// <summary>The user's role may not run the command.</summary>
    Forbidden,
    /// <summary>Input broke a rule; <see cref="CommandResult.Errors"/> says which field and why.</summary>
    Invalid,
    /// <summary>Someone else saved the record after the user loaded it; nothing was saved.</summary>
    Conflict,
    /// <summary>The domain refused the action in the record's present state; the message says why.</summary>
    Refused,
}

/// <summary>
/// What a feature service's command did, in terms a page can show: the outcome, the field errors of a
/// refusal, and a Norwegian message. Services return this instead of throwing for expected outcomes.
/// </summary>
public record CommandResult(CommandStatus Status, IReadOnlyList<FieldError> Errors, string? Message)
{
    public bool Succeeded => Status == CommandStatus.Ok;

    public static CommandResult Ok(string? message = null) => new(CommandStatus.Ok, [], message);

    public static CommandResult NotFound() => new(CommandStatus.NotFound, [], "Finnes ikke, eller du har ikke tilgang.");

    public static CommandResult Forbidden() => new(CommandStatus.Forbidden, [], "Rollen din har ikke lov til dette.");

    public static CommandResult Invalid(IReadOnlyList<FieldError> errors) =>
        new(CommandStatus.Invalid, errors, "Skjemaet har feil. Rett feltene som er merket, og prøv igjen.");

    public static CommandResult Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    public static CommandResult Conflict(string message) => new(CommandStatus.Conflict, [], message);

    public static CommandResult Refused(string message) => new(CommandStatus.Refused, [], message);
}

/// <summary>A <see cref="CommandResult"/> that carries a value on success, e.g. a new record's id.</summary>
public sealed record CommandResult<T>(CommandStatus Status, IReadOnlyList<FieldError> Errors, string? Message, T? Value)
    : CommandResult(Status, Errors, Message)
{
    public static CommandResult<T> Ok(T value, string? message = null) => new(CommandStatus.Ok, [], message, value);

    public static CommandResult<T> From(CommandResult failure) => new(failure.Status, failure.Errors, failure.Message, default);
}
