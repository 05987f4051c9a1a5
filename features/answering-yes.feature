@product @path:yes
Feature: Answering Yes: Device Enrollment Services only
  Product's specification of the Yes answer. An installer who answers Yes wants the phone set up
  from DES, Avaya's cloud enrollment service, and from nothing on the local network. DES names the
  phone's configuration server, or has none yet and the phone asks for an enrollment code (see the
  enrollment code feature). QA's detail: conformance/answer-yes.feature and conformance/faults.feature.

  @req:YES-1
  Rule: YES-1 — After Yes the phone looks for its server through DES only

    Scenario: The server DES names is used, not the one the local network offers
      Given DES names the configuration server "https://prov.example.com/j100"
      And the DHCP server names the configuration server "192.0.2.50"
      When the user answers Yes
      Then the phone is provisioned from "https://prov.example.com/j100"
      And the phone never asked DHCP or LLDP for a configuration server

    Scenario: When DES cannot help, the phone still does not turn to the local network
      Given DES cannot be reached
      And the DHCP server names the configuration server "192.0.2.50"
      When the user answers Yes
      Then the phone asks for the configuration server by hand
      And the phone never asked DHCP or LLDP for a configuration server

  @req:YES-2
  Rule: YES-2 — DES names the configuration server and the phone gets its settings there

    Scenario: The phone gets its settings from the server DES names
      Given DES names the configuration server "https://prov.example.com/j100"
      When the user answers Yes
      Then the phone is provisioned from "https://prov.example.com/j100"
      And the phone has the site's settings

    Scenario: A phone DES already has a server for is not asked for an enrollment code
      Given DES names the configuration server "https://prov.example.com/j100"
      When the user answers Yes
      Then the phone asked DES 1 time
      And the phone never asked for an enrollment code

  @req:YES-3
  Rule: YES-3 — When the server DES names cannot be reached, the phone asks for the server by hand

    Scenario: The server DES names cannot be reached
      Given DES names the configuration server "https://prov.example.com/j100", which cannot be reached
      When the user answers Yes
      Then the phone asks for the configuration server by hand, saying the settings could not be fetched

    Scenario: A server typed instead provisions the phone
      Given DES names the configuration server "https://prov.example.com/j100", which cannot be reached
      And the configuration server "https://backup.example.com" holds the site's settings
      When the user answers Yes
      And the user enters the configuration server "https://backup.example.com"
      Then the phone is provisioned from "https://backup.example.com"

  @req:YES-4
  Rule: YES-4 — When DES has no server for the phone, the phone asks for the enrollment code

    Scenario: DES has no server for the phone yet
      Given DES has no configuration server for the phone
      When the user answers Yes
      Then the phone asks for the enrollment code
      And the phone asked DES 1 time

    Scenario: A DES that cannot be reached is not taken for a DES without a server
      Given DES cannot be reached
      When the user answers Yes
      Then the phone never asked for an enrollment code
      And the phone asks for the configuration server by hand

  @req:ASSUME-1 @assumption
  Rule: ASSUME-1 — After Yes, a DES that cannot be reached or answers with an error leads to the configuration server by hand
    Someone is at the phone and the local network is off limits after Yes; the source's other
    dead ends on this path (YES-3, CODE-3) end at the same prompt.

    Scenario: DES cannot be reached
      Given DES cannot be reached
      When the user answers Yes
      Then the phone asks for the configuration server by hand, saying DES could not be reached

    Scenario: DES answers with an error
      Given DES answers with an error
      When the user answers Yes
      Then the phone asks for the configuration server by hand, saying DES answered with an error

  @req:ASSUME-19 @assumption
  Rule: ASSUME-19 — The phone talks to DES only over a secure connection
    DES tells a phone where its settings are and receives the codes that claim phones for customers:
    neither may travel in clear or go to an impostor.

    Scenario: Every conversation with DES is secured
      Given DES has no configuration server for the phone
      When the user answers Yes
      Then the phone reached DES only over a secure connection

    Scenario: Without an answer, too, DES is reached only securely
      Given neither DHCP nor the switch names a configuration server
      And DES names the configuration server "https://prov.example.com/j100"
      When nobody answers the question for 60 seconds
      Then the phone reached DES only over a secure connection

    Scenario: A DES the phone cannot reach securely counts as one that cannot be reached
      Given DES rejects the secure connection
      When the user answers Yes
      Then the phone asks for the configuration server by hand, saying DES could not be reached

  @req:ASSUME-31 @assumption
  Rule: ASSUME-31 — A phone without a network address says so, keeps asking for one, and goes on once it has one
    A phone needs an address before it can reach DES or a configuration server. Getting one is another
    matter than the server DHCP may name, and nothing the user chose is lost while the phone waits.

    Scenario: Without a DHCP server the phone says it has no network, and DES is not reached
      Given there is no DHCP server on the network
      When the user answers Yes
      Then the phone shows that it has no network
      And the phone never contacted DES

    Scenario: Once a DHCP server answers, the phone goes on to DES
      Given there is no DHCP server on the network
      And DES has no configuration server for the phone
      When the user answers Yes
      And a DHCP server comes onto the network 2 minutes later
      Then the phone asks for the enrollment code

  @req:ASSUME-32 @assumption
  Rule: ASSUME-32 — After Yes, a DES that failed is not asked again by itself; restarting the phone tries again
    The source ends every failure after Yes at entry by hand; someone is at the phone and can restart it.

    Scenario: The phone does not ask DES again by itself
      Given DES answers with an error
      When the user answers Yes
      And 25 minutes pass
      Then the phone asks for the configuration server by hand, saying DES answered with an error
      And the phone asked DES 1 time

  @req:ASSUME-30 @assumption
  Rule: ASSUME-30 — After Yes the phone still gets its network address, but no server from the local network
    YES-1 forbids finding the configuration server locally, not bringing the network up.

    Scenario: The phone gets its address from DHCP, but not the server DHCP names
      Given DES names the configuration server "https://prov.example.com/j100"
      And the DHCP server names the configuration server "192.0.2.50"
      When the user answers Yes
      Then the phone asked DHCP for its network address only
      And the phone never contacted the configuration server "192.0.2.50"
