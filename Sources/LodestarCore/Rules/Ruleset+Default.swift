import JSON

extension Ruleset {
    /// The ruleset a new installation starts with, as the text of `rules/default.json` (a
    /// test keeps the two equal): common crisis practice, first hit wins.
    ///
    /// - imminent risk: hand to 911, emergent, follow up within 4 hours;
    /// - high risk, caller under 18 or flagged `youth`: a mobile team with the `youth`
    ///   capability, urgent, follow up within 24 hours;
    /// - high risk: a mobile team, urgent, follow up within 24 hours;
    /// - moderate risk: resolved by phone, follow up within 24 hours;
    /// - anything else (low, none, not assessed): resolved by phone, no follow-up.
    ///
    /// Teams are assigned automatically with no ETA bound.
    public static let defaultText = #"""
{
  "name": "default",
  "rules": [
    {
      "id": "imminent",
      "when": {"fact": "risk_level", "op": "eq", "value": "imminent"},
      "then": {"action": "emergency_911", "priority": "emergent", "follow_up": "PT4H"}
    },
    {
      "id": "high-youth",
      "when": {"all": [
        {"fact": "risk_level", "op": "eq", "value": "high"},
        {"any": [
          {"fact": "age", "op": "lt", "value": 18},
          {"fact": "flags", "op": "contains", "value": "youth"}
        ]}
      ]},
      "then": {"action": "dispatch_mobile_team", "priority": "urgent", "requires": ["youth"], "follow_up": "PT24H"}
    },
    {
      "id": "high",
      "when": {"fact": "risk_level", "op": "eq", "value": "high"},
      "then": {"action": "dispatch_mobile_team", "priority": "urgent", "follow_up": "PT24H"}
    },
    {
      "id": "moderate",
      "when": {"fact": "risk_level", "op": "eq", "value": "moderate"},
      "then": {"action": "resolve_by_phone", "priority": "routine", "follow_up": "PT24H"}
    },
    {
      "id": "default",
      "when": {"all": []},
      "then": {"action": "resolve_by_phone", "priority": "routine"}
    }
  ],
  "dispatch": {"auto_assign": true, "max_eta_minutes": null}
}

"""#

    /// `defaultText`, validated (a test proves it valid, with no warnings).
    public static let `default`: Ruleset = {
        // The text is a constant that a test validates, so failing here is a build defect.
        guard let document = try? JSON.parse(defaultText), let ruleset = try? Ruleset(validating: document) else {
            preconditionFailure("the embedded default ruleset is invalid")
        }
        return ruleset
    }()
}
