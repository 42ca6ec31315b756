namespace RiskGraph.Model.Serving;

/// <summary>
/// Told of every swap of the served state, on the thread that swapped it, after the new state is visible to requests.
/// Implementations return quickly (queue their work): the swap's caller waits for every listener.
/// </summary>
public interface IServingStateListener
{
    void OnStateAdvanced(ServingTransition transition);
}
