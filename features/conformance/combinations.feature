@conformance
Feature: Combinations — documented branches that meet in one boot
  Each branch below is specified on its own elsewhere; these scenarios check that they still
  hold when one boot runs through two of them.

  @req:CODE-2
  Rule: CODE-2 — After an accepted code, the server DES names is fetched like any other
    A code accepted by DES leads to the same configuration server step as Yes does, including
    its failure: YES-3's manual entry.

    Scenario: A code is accepted, then the server DES names is down
      Given DES accepts the enrollment code "48213377" for the configuration server "https://prov.example.com/j100"
      And the configuration server "https://prov.example.com/j100" is not on the network
      And the phone is asking for the enrollment code
      When the user enters the enrollment code "48213377"
      Then the phone asks for the configuration server by hand

  @req:TIMEOUT-2
  Rule: TIMEOUT-2 — Without an answer, the server DES names is fetched like any other
    DES reached on the timeout path names a server as it does after Yes; when that server is
    down the phone asks for it by hand, as YES-3 says for Yes.

    Scenario: No answer, DES names a server, and that server is down
      Given the DHCP server offers no configuration server
      And DES names the configuration server "https://prov.example.com/j100", which cannot be reached
      When nobody answers the question for 60 seconds
      Then the phone asks for the configuration server by hand

  @req:ASSUME-15 @assumption
  Rule: ASSUME-15 — A phone left unprovisioned asks the question again when it restarts
    Only settings the phone obtained make a later boot skip the question; a phone the installer
    left unprovisioned (Cancel) has none, so it starts over as on its first boot.

    Scenario: The user cancels manual entry, and the phone restarts
      Given the phone is asking for the configuration server by hand
      When the user presses Cancel
      And the phone restarts
      Then the phone is still asking the question
