@product @path:timeout
Feature: No answer: the local network first, then DES
  Product's specification of the timeout. A phone nobody attends to (a roll-out, a phone on a desk
  before its user arrives) must still find its server: after the minute without an answer it looks
  on the local network, and asks DES only when the local network names no server. QA's detail:
  conformance/timeout.feature and conformance/faults.feature.

  @req:TIMEOUT-1
  Rule: TIMEOUT-1 — With no answer after 60 seconds, DHCP SSON and LLDP name the server

    Scenario Outline: <source> names the server after the minute without an answer
      Given <source> names the configuration server "<server>"
      When nobody answers the question for 60 seconds
      Then the phone is provisioned from "<server>"
      And the phone never contacted DES

      Examples: the local sources
        | source          | server     |
        | the DHCP server | 192.0.2.50 |
        | the switch      | 192.0.2.60 |

  @req:TIMEOUT-2
  Rule: TIMEOUT-2 — When the local search finds nothing, the phone asks DES for the server

    Scenario: DES names the server once the local search found nothing
      Given neither DHCP nor the switch names a configuration server
      And DES names the configuration server "https://prov.example.com/j100"
      When nobody answers the question for 60 seconds
      Then the phone is provisioned from "https://prov.example.com/j100"
      And the phone asked DES only after DHCP and LLDP found nothing

    Scenario: DES is not asked while the switch may still name a server
      Given DES names the configuration server "https://prov.example.com/j100"
      And the switch names the configuration server "192.0.2.60" after 20 seconds
      When nobody answers the question for 60 seconds
      Then the phone is provisioned from "192.0.2.60"
      And the phone never contacted DES

  @req:ASSUME-2 @assumption
  Rule: ASSUME-2 — Without an answer, a DES with no server for the phone leads to the enrollment code
    DES is the only route left, and a code is how an installer claims a phone; the code then works
    exactly as after Yes.

    Scenario: DES has no server for the phone either
      Given neither DHCP nor the switch names a configuration server
      And DES has no configuration server for the phone
      When nobody answers the question for 60 seconds
      Then the phone asks for the enrollment code

  @req:ASSUME-3 @assumption
  Rule: ASSUME-3 — Without an answer, a DES or a server it names that cannot be reached leads to the server by hand
    Nothing automatic is left to try: the same end as after Yes (ASSUME-1, YES-3).

    Scenario: DES cannot be reached either
      Given neither DHCP nor the switch names a configuration server
      And DES cannot be reached
      When nobody answers the question for 60 seconds
      Then the phone asks for the configuration server by hand, saying DES could not be reached

    Scenario: The server DES names cannot be reached either
      Given neither DHCP nor the switch names a configuration server
      And DES names the configuration server "https://prov.example.com/j100", which cannot be reached
      When nobody answers the question for 60 seconds
      Then the phone asks for the configuration server by hand, saying the settings could not be fetched

  @req:ASSUME-11 @assumption
  Rule: ASSUME-11 — Without an answer, a server found locally that cannot be reached sends the phone on to DES
    A server that cannot be reached is no server found, and without an answer DES comes after a
    local search that found nothing.

    Scenario: The server DHCP names cannot be reached, and DES names another
      Given the DHCP server names the configuration server "192.0.2.50", which cannot be reached
      And DES names the configuration server "https://prov.example.com/j100"
      When nobody answers the question for 60 seconds
      Then the phone is provisioned from "https://prov.example.com/j100"

  @req:ASSUME-33 @assumption
  Rule: ASSUME-33 — A phone nobody attends to keeps asking DES, until someone uses it
    A phone installed before its place in DES was ready should set itself up once it is, without anyone
    coming back to it; someone who starts typing is in charge.

    Scenario: The unattended phone sets itself up once DES has a server for it
      Given DES has no configuration server for the phone
      When nobody answers the question for 60 seconds
      And DES names the configuration server "https://prov.example.com/j100" once the phone waits at its prompt
      And 11 minutes pass
      Then the phone is provisioned from "https://prov.example.com/j100"
