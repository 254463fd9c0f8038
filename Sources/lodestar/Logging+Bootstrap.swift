import Logging

/// Installs the JSON-lines handler on stderr for the whole process and returns the root logger.
func bootstrapJSONLogging(level: Logger.Level) -> Logger {
    LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
    return Logger(label: "lodestar")
}
