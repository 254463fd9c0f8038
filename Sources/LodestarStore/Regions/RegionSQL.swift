import JSON
import LodestarCore
import Postgres

/// The statements over `regions`.
enum RegionSQL {
    static let columns = "code, name, type, timezone, response_target_minutes"

    /// Inserts or replaces a region; `inserted` tells a new region from a replaced one.
    static let upsert = """
        INSERT INTO regions (\(columns)) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type, timezone = EXCLUDED.timezone,
            response_target_minutes = EXCLUDED.response_target_minutes, updated_at = now()
        RETURNING (xmax = 0) AS inserted
        """

    static let one = "SELECT \(columns) FROM regions WHERE code = $1"
    static let all = "SELECT \(columns) FROM regions ORDER BY code COLLATE \"C\" LIMIT $1"

    /// The described regions among `$1` (text[]): add it to a transaction's batch and read it
    /// with `profiles(_:codes:)`, which fills in the regions nobody described.
    static let profiles = "SELECT \(columns) FROM regions WHERE code = ANY($1::text[])"

    static func parameters(_ region: Region) -> [any PostgresEncodable] {
        [region.code, region.name, region.type.rawValue, region.timeZone, region.responseTargetMinutes]
    }

    static func region(_ row: PostgresRow) throws -> Region {
        guard let code = row[0].string, let name = row[1].string, let type = row[2].string.flatMap(RegionType.init),
              let timeZone = row[3].string, let target = row[4].int
        else { throw IngestStoreCorrupt() }
        return Region(code: code, name: name, type: type, timeZone: timeZone, responseTargetMinutes: target)
    }

    /// The profile of every code in `codes`: the described ones from `rows` (of `profiles`),
    /// the others the default of a region never described.
    static func profiles(_ rows: PostgresRows, codes: [String]) throws -> [String: RegionProfile] {
        var profiles: [String: RegionProfile] = [:]
        for code in codes { profiles[code] = .undescribed }
        for row in rows {
            let region = try region(row)
            profiles[region.code] = region.profile
        }
        return profiles
    }
}
