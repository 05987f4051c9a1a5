@product @path:manual
Feature: Entering the server by hand
  Product's specification of what every path can end with: the phone asking a person for its
  server (the configuration server after Yes or without an answer, the provisioning details after
  No). The source leaves what happens there to us. QA's detail, including every form of address
  the phone accepts: conformance/manual-entry.feature and conformance/bad-input.feature.

  @req:ASSUME-12 @assumption
  Rule: ASSUME-12 — What is typed by hand is checked: a mistake is refused on the spot and can be corrected
    The installer must be able to correct a typo without starting over, and know whether the entry or
    the server was at fault.

    Scenario: An address the phone cannot use is refused
      Given the phone is asking for the configuration server by hand
      When the user enters the configuration server "ftp://prov.example.com/j100"
      Then the phone refuses the entry and asks for the configuration server again

    Scenario: A server typed by hand that cannot be reached brings the prompt back, saying so
      Given the configuration server "https://prov.example.com/j100" cannot be reached
      And the phone is asking for the configuration server by hand
      When the user enters the configuration server "https://prov.example.com/j100"
      Then the phone asks for the configuration server by hand, saying the settings could not be fetched

  @req:ASSUME-13 @assumption
  Rule: ASSUME-13 — Cancelling entry by hand leaves the phone unprovisioned, open to the administration menu
    The phone cannot work without settings; the administration menu is the installer's way back in.

    Scenario: Cancelling the server prompt leaves the phone unprovisioned
      Given the phone is asking for the configuration server by hand
      When the user presses Cancel
      Then the phone shows that it is not provisioned

    Scenario: The administration menu provisions an unprovisioned phone
      Given the configuration server "https://prov.example.com/j100" holds the site's settings
      And the phone is asking for the configuration server by hand
      When the user presses Cancel
      And the installer sets the configuration server "https://prov.example.com/j100" in the administration menu
      Then the phone is provisioned from "https://prov.example.com/j100"
