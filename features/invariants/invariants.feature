@invariant
Feature: Whatever happens, the phone keeps its promises
  The other features show one boot at a time. These rules hold for every first boot: the user
  answers Yes or No at any moment, before, at or after the 60 seconds, or not at all; DES assigns
  a server, has none, is missing, silent, refuses the secure connection or answers nonsense; the
  configuration servers are up, down or faulty; DHCP and the switch announce servers, nothing, or
  garbled data, early or late; the user types good, wrong, expired and malformed codes, addresses,
  or cancels. Each scenario lets ten thousand such boots run and checks one promise over all of
  them. A broken promise is reported with the smallest boot that breaks it and the seed that
  replays the run (README, "Invariants").

  Background:
    Given any first boot: any answer at any moment, any mix of services and faults

  @req:NO-1
  Rule: NO-1 — After No, the phone never contacts DES, whatever the site offers

    Scenario: No DES after No, at any site
      When 10000 such boots run
      Then none of them contacts DES after the answer No

  @req:YES-1
  Rule: YES-1 — After Yes, the phone never searches the local network, whatever DES does

    Scenario: No DHCP or LLDP after Yes, at any site
      When 10000 such boots run
      Then none of them asks DHCP or LLDP for a server after the answer Yes

  @req:PROMPT-2
  Rule: PROMPT-2 — Only an answer within the 60 seconds decides the path

    @req:ASSUME-8 @assumption
    Scenario: Answers before, at and after the 60 seconds
      When 10000 such boots run
      Then each follows the answer given within the first 60 seconds, and nothing else

  @req:TIMEOUT-2
  Rule: TIMEOUT-2 — Without an answer, DES is asked only once DHCP and LLDP have found nothing

    Scenario: DES only after a fruitless search, at any site
      When 10000 such boots run
      Then none of them asks DES without an answer before DHCP and LLDP have found nothing

  @req:ASSUME-17 @assumption
  Rule: ASSUME-17 — No boot waits for ever: every boot ends provisioned, given up, or at a prompt
    The phone gives up on a silent DES and on silent configuration servers (ASSUME-17), so whatever
    the site does, the boot ends. An end means provisioned, not provisioned, or a prompt for the user.

    Scenario: Every boot comes to rest, at any site
      When 10000 such boots run
      Then every one of them comes to rest within 10 minutes, without an internal fault

  @req:ASSUME-19b @assumption
  Rule: ASSUME-19b — DES is reached only over TLS at des.avaya.com
    The phone's factory certificate and DES's HTTPS-only service make every other way to DES wrong.

    Scenario: Every DES connection is secure, at any site
      When 10000 such boots run
      Then every connection any of them makes to DES is secured with TLS at des.avaya.com

  @req:ASSUME-20b @assumption
  Rule: ASSUME-20b — An enrollment code, once entered, is never shown or recorded in clear
    A code claims a device for a customer, and provisioning codes never expire.

    Scenario: No typed code in clear, whatever was typed
      When 10000 such boots run
      Then no enrollment code any of them was given appears in clear on its screen, in its log or in any record
