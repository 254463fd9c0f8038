import JSON
import LodestarCore
import Postgres
import Time

/// The one mapping of `Team` to `teams`: the columns read and written, in this order.
enum TeamSQL {
    static let columns = "team_id, name, capabilities, regions, base_lat, base_lon, status, status_at, available_since, location_lat, location_lon, location_at"

    static let one = "SELECT \(columns) FROM teams WHERE team_id = $1"
    static let some = "SELECT \(columns) FROM teams WHERE team_id = ANY($1::text[])"

    /// Writes whole teams (one parameter, `recordset`), new or known.
    static let upsert = """
        INSERT INTO teams (\(columns))
        SELECT \(columns) FROM jsonb_to_recordset($1::jsonb) AS t(team_id text, name text, capabilities text[], regions text[],
            base_lat double precision, base_lon double precision, status text, status_at timestamptz, available_since timestamptz,
            location_lat double precision, location_lon double precision, location_at timestamptz)
        ORDER BY team_id COLLATE "C"
        ON CONFLICT (team_id) DO UPDATE SET name = EXCLUDED.name, capabilities = EXCLUDED.capabilities, regions = EXCLUDED.regions,
            base_lat = EXCLUDED.base_lat, base_lon = EXCLUDED.base_lon, status = EXCLUDED.status, status_at = EXCLUDED.status_at,
            available_since = EXCLUDED.available_since, location_lat = EXCLUDED.location_lat, location_lon = EXCLUDED.location_lon,
            location_at = EXCLUDED.location_at, updated_at = now()
        """

    static func recordset(_ teams: [Team]) -> String {
        JSONValue.array(teams.map { team in
            [
                "team_id": .string(team.id), "name": .string(team.name),
                "capabilities": .array(team.capabilities.map(JSONValue.string)), "regions": .array(team.regions.map(JSONValue.string)),
                "base_lat": .double(team.base.lat), "base_lon": .double(team.base.lon), "status": .string(team.status.rawValue),
                "status_at": time(team.statusAt), "available_since": time(team.availableSince),
                "location_lat": team.location.map { .double($0.lat) } ?? .null, "location_lon": team.location.map { .double($0.lon) } ?? .null,
                "location_at": time(team.locationAt),
            ]
        }).description
    }

    /// The team in the row's columns from `offset` on (in `columns` order).
    static func team(_ row: PostgresRow, offset: Int = 0) throws -> Team {
        guard let status = TeamStatus(rawValue: try row.decode(String.self, at: offset + 6)) else { throw IngestStoreCorrupt() }
        var location: GeoPoint?
        if let lat = row[offset + 9].double, let lon = row[offset + 10].double { location = GeoPoint(lat: lat, lon: lon) }
        return Team(id: try row.decode(String.self, at: offset), name: try row.decode(String.self, at: offset + 1),
                    capabilities: try row.decode([String].self, at: offset + 2), regions: try row.decode([String].self, at: offset + 3),
                    base: GeoPoint(lat: try row.decode(Double.self, at: offset + 4), lon: try row.decode(Double.self, at: offset + 5)),
                    status: status, statusAt: row[offset + 7].timestamp, availableSince: row[offset + 8].timestamp,
                    location: location, locationAt: row[offset + 11].timestamp)
    }

    private static func time(_ value: Timestamp?) -> JSONValue { value.map { .string($0.rfc3339) } ?? .null }
}
