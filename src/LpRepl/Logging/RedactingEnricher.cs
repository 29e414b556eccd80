using LpRepl.Security;
using Serilog.Core;
using Serilog.Events;

namespace LpRepl.App.Logging;

/// <summary>A last line of defence: any string property that holds a whole JWT is shortened before it is written.</summary>
public sealed class RedactingEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToArray())
        {
            // Any scalar (a string, or a Uri whose query may carry a token) that prints a token is shortened.
            if (value is ScalarValue { Value: { } scalar } && scalar.ToString() is { } text && SecretRedactor.Redact(text) is var redacted && !ReferenceEquals(redacted, text))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(redacted)));
            }
        }
    }
}
