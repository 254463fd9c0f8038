import JSON
import LodestarCore
import Testing
import Time

/// A dispatch written member by member (pages of the board) is the text its value serialises to.
@Suite struct DispatchJSONTests {
    @Test(arguments: DispatchStatus.allCases)
    func theMembersAreWrittenAsTheValueSerialises(_ status: DispatchStatus) throws {
        var dispatch = try DispatchLifecycleTests.dispatch(in: status)
        var shapes = [dispatch]
        if status == .onScene {
            try dispatch.record(DispatchStep(.completed(outcome: nil), at: Timestamp(microseconds: 1_796_000_000_123_457),
                                             lawEnforcementInvolved: true))
            shapes.append(dispatch)
        }
        let escaped = Dispatch(id: -7, contactID: "c \"quoted\" \\ \u{1}é", status: .requested, priority: .routine, requires: ["a\"b", ""],
                               teamID: nil, etaMinutes: 0.1 + 0.2, requestedAt: Timestamp(microseconds: -1), assignedAt: nil,
                               enRouteAt: nil, onSceneAt: nil, completedAt: nil, cancelledAt: nil, outcome: nil,
                               lawEnforcementInvolved: false, autoAssign: false, maxETAMinutes: 3)
        for shape in shapes + [escaped] {
            var writer = JSONWriter()
            writer.beginObject()
            shape.writeMembers(to: &writer)
            writer.endObject()
            #expect(writer.bytes == shape.json.serialized())
        }
    }
}
