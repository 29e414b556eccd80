using LpRepl.Security;
using Serilog.Core;
using Serilog.Events;

namespace LpRepl.App.Logging;

/// <summary>
/// A last line of defence: any string property that holds a whole JWT is shortened before it is
/// written, and so is the text of an exception (its message may quote a token a command printed).
/// </summary>
public sealed class RedactingEnricher : ILogEventEnricher
{
    /// <summary>The property the output template writes instead of <c>{Exception}</c>, which no enricher can change.</summary>
    public const string ExceptionProperty = "RedactedException";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var exception = logEvent.Exception is { } e ? SecretRedactor.Redact(e.ToString()) + Environment.NewLine : "";
        logEvent.AddOrUpdateProperty(new LogEventProperty(ExceptionProperty, new ScalarValue(exception)));
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
