@conformance
Feature: Softkeys the screen does not offer — pressing them changes nothing
  A desk phone's softkeys change with the screen; a key pressed where it means nothing (a
  stray press, a key left over from the screen before) is ignored, and the phone stays where
  it was.

  @req:ASSUME-24 @assumption
  Rule: ASSUME-24 — Each screen offers its own softkeys; any other key does nothing
    An installer presses keys in a hurry: a key that is not on the screen must not take the
    phone anywhere the user did not choose.

    Scenario Outline: <key> at <where> changes nothing
      Given <route>
      When the user presses <key>
      Then <still>

      Examples: prompts and ends
        | key | where                           | route                                                          | still                                                         |
        | No  | the enrollment code prompt      | the phone is asking for the enrollment code                    | the phone asks for the enrollment code                        |
        | Yes | the configuration server prompt | a new phone is asking for the configuration server by hand     | the phone asks for the configuration server by hand           |
        | Yes | the not provisioned screen      | the phone was left unprovisioned                               | the phone shows that it is not provisioned                    |
        | No  | the provisioned screen          | the phone was provisioned from "https://prov.example.com/j100" | the phone is provisioned from "https://prov.example.com/j100" |
        | Yes | the no network screen           | the phone is waiting for an address after Yes                  | the phone shows that it has no network                        |
