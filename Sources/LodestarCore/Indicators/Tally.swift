/// A raw count the indicators are derived from: the three counts shown as they are, and the
/// numerators and denominators of the rates (SPEC §7's definitions).
///
/// The store computes one of each per group; the raw values name them in SQL and tests.
public enum Tally: String, Sendable, Hashable, CaseIterable {
    /// Contacts whose `contact.received` is in the window.
    case contactsOffered = "contacts_offered"
    /// Offered contacts with a `contact.answered`.
    case contactsAnswered = "contacts_answered"
    /// Offered contacts abandoned and never answered.
    case contactsAbandoned = "contacts_abandoned"
    /// Offered contacts first answered within the answer target.
    case contactsAnsweredWithinTarget = "contacts_answered_within_target"
    /// Dispatches requested in the window.
    case dispatches
    /// Those that reached the scene.
    case dispatchesOnScene = "dispatches_on_scene"
    /// Those on scene within their region's response target.
    case dispatchesOnSceneWithinTarget = "dispatches_on_scene_within_target"
    /// Those completed.
    case dispatchesCompleted = "dispatches_completed"
    /// Completed with outcome `stabilized_in_community`.
    case dispatchesStabilizedInCommunity = "dispatches_stabilized_in_community"
    /// Completed with `law_enforcement_involved`.
    case dispatchesLawEnforcementInvolved = "dispatches_law_enforcement_involved"
    /// Follow-ups created in the window.
    case followUpsCreated = "follow_ups_created"
    /// Those closed as completed (reached), at any time.
    case followUpsCompleted = "follow_ups_completed"
    /// Those reached at or before `due_at`.
    case followUpsReachedOnTime = "follow_ups_reached_on_time"
}
