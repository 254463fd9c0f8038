import Foundation
import Testing

/// `lodestar serve` checks every setting before it starts anything: a limit, count or timeout
/// of zero or below (which would refuse every request, or spin a timer) is a usage error naming
/// the setting, exit status 64, and nothing listens.
@Suite struct ServeSettingsTests {
    @Test(arguments: [
        ("LODESTAR_MAX_HEAD_BYTES", "0"), ("LODESTAR_MAX_BODY_BYTES", "-1"), ("LODESTAR_REQUEST_TIMEOUT_SECONDS", "0"),
        ("LODESTAR_MAX_CONNECTIONS", "0"), ("LODESTAR_MAX_EVENTS_PER_BATCH", "0"), ("LODESTAR_MAX_EVENTS_PER_CONTACT", "-5"),
        ("LODESTAR_STREAM_HEARTBEAT_SECONDS", "0"), ("LODESTAR_FOLLOW_UP_MAX_ATTEMPTS", "0"), ("LODESTAR_TOKEN_CACHE_SECONDS", "-1"),
        ("LODESTAR_IDLE_TIMEOUT_SECONDS", "ten"),
    ])
    func aSettingOutOfRangeIsAUsageError(setting: String, value: String) throws {
        let result = try RunProcess.run(LodestarBinary.path, ["serve", "--port", "0"], environment: [
            setting: value, "LODESTAR_DATABASE_URL": "host=127.0.0.1 port=1 dbname=unused connect_timeout=1",
        ], timeout: 30)
        #expect(result.status == 64, "\(setting)=\(value): \(result.stderr)")
        #expect(result.stderr.contains(setting), "\(result.stderr)")
        #expect(!result.stderr.contains("\"listening\""))
    }
}
