using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using SamarbeidsAvtaler.Web.Features.Account;
using Serilog.Context;

namespace SamarbeidsAvtaler.Web.Components;

/// <summary>The circuit a component runs in, and its user, for log events (scoped: one per circuit).</summary>
public sealed class CircuitContext
{
    public string? CircuitId { get; internal set; }

    public Guid? UserId { get; internal set; }
}

/// <summary>
/// Puts the circuit id and the user id on every event logged while a circuit handles something from
/// the browser (an event, a render acknowledgement, a JS call), so a component's log lines can be tied
/// to the person and the browser tab.
/// </summary>
public sealed class CircuitLogging(CircuitContext context, AuthenticationStateProvider authentication) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        context.CircuitId = circuit.Id;
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async activity =>
        {
            var user = (await authentication.GetAuthenticationStateAsync()).User;
            context.UserId = user.UserId();
            using (LogContext.PushProperty("CircuitId", activity.Circuit.Id))
            using (LogContext.PushProperty("UserId", context.UserId))
            {
                await next(activity);
            }
        };
}
