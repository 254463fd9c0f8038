import JSON
@testable import LodestarAPI
import LodestarCore
@testable import LodestarStore
import Testing
import Time

/// The team list written member by member is the text the team values would serialise to.
@Suite struct TeamListJSONTests {
    static func team(_ id: String, capabilities: [String], regions: [String], location: GeoPoint?) -> Team {
        Team(id: id, name: "Team \"\(id)\"\\", capabilities: capabilities, regions: regions, base: GeoPoint(lat: 41.878113, lon: -87.629799),
             status: .available, statusAt: nil, availableSince: Timestamp(microseconds: 0), location: location, locationAt: nil)
    }

    @Test func aListIsWrittenAsItsValuesSerialise() {
        let listings = [
            TeamListing(team: Self.team("a", capabilities: ["clinician", "peer"], regions: [], location: nil), distanceKm: 1.5, etaMinutes: 6.95),
            TeamListing(team: Self.team("b", capabilities: [], regions: ["north", "é"], location: GeoPoint(lat: -0.1, lon: 1e-7)),
                        distanceKm: 0, etaMinutes: 5),
            TeamListing(team: Self.team("c", capabilities: ["youth"], regions: ["x"], location: nil), distanceKm: nil, etaMinutes: nil),
        ]
        let values: [JSONValue] = listings.map { listing in
            var members = listing.team.jsonMembers
            if let distance = listing.distanceKm, let eta = listing.etaMinutes {
                members += [("distance_km", .double(distance)), ("eta_minutes", .double(eta))]
            }
            return .object(JSONObject(uniquePairs: members))
        }
        #expect(TeamRoutes.json(listings) == JSONValue.object(JSONObject([("teams", .array(values))])).serialized())
        #expect(TeamRoutes.json([]) == Array(#"{"teams":[]}"#.utf8))
        for listing in listings {
            var writer = JSONWriter()
            writer.beginObject()
            listing.team.writeMembers(to: &writer)
            writer.endObject()
            #expect(writer.bytes == listing.team.json.serialized())
        }
    }
}
