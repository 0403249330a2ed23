namespace SamarbeidsAvtaler.Web.Components;

/// <summary>
/// Loads for a list where only the latest request counts. Typing fast starts loads that overlap: the
/// newer one cancels the older, and they run one at a time, so an old answer never lands after a newer one.
/// </summary>
public sealed class LatestLoad : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CancellationTokenSource? _pending;

    /// <summary>The loaded value, or <c>Completed = false</c> when a newer load (or the caller) cancelled this one.</summary>
    public async Task<(bool Completed, T? Value)> RunAsync<T>(Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        _pending?.Cancel();
        var pending = _pending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await _gate.WaitAsync();
        try
        {
            pending.Token.ThrowIfCancellationRequested();
            return (true, await load(pending.Token));
        }
        catch (OperationCanceledException) when (pending.IsCancellationRequested)
        {
            return (false, default);
        }
        finally
        {
            _gate.Release();
        }
    }

    // A load still running may release the gate after this: cancel only, and leave the gate to the collector.
    public void Dispose() => _pending?.Cancel();
}
