@conformance
Feature: The network address — a phone reaches nothing before DHCP has leased it an address
  DHCP does two separate things for a desk phone: it leases the phone its address, which every
  path needs before it can reach DES or a configuration server, and it may hand out provisioning
  options, which only the No and no-answer paths read. A phone without an address keeps asking
  DHCP for one and shows that it has no network; what it was about to do waits, and goes on the
  moment an address comes.

  @req:ASSUME-31 @assumption
  Rule: ASSUME-31 — Without an address the phone keeps asking DHCP, shows it has no network, and goes on once it has one
    A J100 gets its address from DHCP (or by hand) before any request; DHCP's provisioning
    options are another matter. Waiting and asking again (RFC 2131's doubling intervals, at most
    a minute apart) is what every network device does; nothing the phone decided is lost.

    Scenario: After Yes, with no DHCP server the phone never reaches DES
      Given the phone boots for the first time
      And there is no DHCP server on the network
      When the user answers Yes
      Then the phone shows that it has no network
      And the phone keeps asking DHCP for an address
      And the phone never contacted DES

    Scenario: After Yes, the phone goes on to DES as soon as a DHCP server answers
      Given the phone boots for the first time
      And there is no DHCP server on the network
      And DES has no configuration server for the phone
      When the user answers Yes
      And a DHCP server comes onto the network
      Then the phone asks for the enrollment code

    Scenario: After Yes, the phone takes an address but not DHCP's provisioning options
      Given the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50"
      And DES names the configuration server "https://prov.example.com/j100"
      When the user answers Yes
      Then the phone is provisioned from "https://prov.example.com/j100"
      And the phone never asked DHCP or LLDP for a configuration server

    Scenario: After No, a server typed by hand waits for the address too
      Given the phone boots for the first time
      And there is no DHCP server on the network
      When the user answers No
      And the user enters the provisioning details "192.0.2.50"
      Then the phone shows that it has no network
      And the phone never contacted the configuration server "192.0.2.50"

    Scenario: An address that comes after the search is over serves the server typed by hand
      Given the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50" after 31 seconds
      And the configuration server "192.0.2.60" holds the site's settings
      When the user answers No
      And 1 minute passes
      And the user enters the provisioning details "192.0.2.60"
      Then the phone is provisioned from "http://192.0.2.60"

    Scenario: A provisioned phone without an address on a later boot waits for one
      Given the phone was provisioned from "https://prov.example.com/j100"
      And there is no DHCP server on the network
      When the phone restarts
      Then the phone shows that it has no network
      And the phone does not ask the question

    Scenario: Without an address the phone asks DHCP again, each time waiting twice as long, up to 64 seconds
      Given the phone is waiting for an address after Yes
      When 5 minutes pass
      Then the phone asked DHCP for an address at once, then at doubling intervals of at most 64 seconds

    Scenario: A key pressed while the phone has no network does not change when it asks DHCP
      Given the phone is waiting for an address after Yes
      When the user presses Yes
      And 5 minutes pass
      Then the phone asked DHCP for an address at once, then at doubling intervals of at most 64 seconds

    Scenario: Once DHCP has leased an address, the phone keeps it for the whole boot
      Given the phone boots for the first time
      And DES has no configuration server for the phone
      When the user answers Yes
      And the user enters the enrollment code "48213377"
      Then the phone asked DHCP for an address only once
