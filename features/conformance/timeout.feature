@conformance @path:timeout
Feature: No answer — the phone looks locally first, then asks DES
  A phone nobody attends to (a mass roll-out, a phone on a desk before its user arrives) must
  still find its server. After the minute without an answer it searches with DHCP SSON and
  LLDP, and only when they name no server does it ask DES. What it does when DHCP, LLDP or DES
  fail is in the fault matrix (conformance/faults.feature).

  @req:TIMEOUT-1
  Rule: TIMEOUT-1 — With no answer after 60 seconds, DHCP SSON and LLDP name the server

    Scenario Outline: <source> names the server
      Given <announcement>
      And the configuration server "<server>" holds the site's settings
      When nobody answers the question for 60 seconds
      Then the phone is provisioned from "<server>"
      And the phone never contacted DES

      Examples: one source at a time
        | source        | announcement                                                          | server            |
        | the SSON      | the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50" | http://192.0.2.50 |
        | LLDP alone    | the switch announces the file server 192.0.2.60 over LLDP             | http://192.0.2.60 |

      @req:ASSUME-40 @assumption
      Examples: DHCP's other ways of naming a server, which the source does not name
        | source        | announcement                                                          | server            |
        | option 43     | the DHCP server offers Avaya's vendor option with the settings "TLSSRVR=192.0.2.52,TLSPORT=8443" | https://192.0.2.52:8443 |
        | siaddr        | the DHCP server names the next server 192.0.2.40 in its reply          | http://192.0.2.40 |

    Scenario: A late LLDP server is still waited for when DHCP names none
      Given the DHCP server offers no configuration server
      And the switch names the configuration server "192.0.2.60" after 20 seconds
      When nobody answers the question for 60 seconds
      Then the phone is provisioned from "http://192.0.2.60"
      And the phone never contacted DES

  @req:ASSUME-16 @assumption
  Rule: ASSUME-16 — Without an answer too, when DHCP and LLDP disagree, DHCP wins
    The source names DHCP SSON and LLDP side by side; J100 precedence puts DHCP above LLDP for the file server.

    Scenario: With both, the SSON's server is used even when LLDP comes first
      Given the switch announces the file server 192.0.2.60 over LLDP after 1 second
      And the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50" after 5 seconds
      And the configuration server "192.0.2.50" holds the site's settings
      When nobody answers the question for 60 seconds
      Then the phone is provisioned from "http://192.0.2.50"
      And the phone never contacted DES

  @req:TIMEOUT-2
  Rule: TIMEOUT-2 — When the local search finds nothing, the phone asks DES for the server

    Scenario: DES names the server after the local search found nothing
      Given the DHCP server offers no configuration server
      And DES names the configuration server "https://prov.example.com/j100"
      When nobody answers the question for 60 seconds
      Then the phone is provisioned from "https://prov.example.com/j100"
      And the phone asked DES only after DHCP and LLDP found nothing

    Scenario: An SSON without a server does not stop the phone from asking DES
      Given the DHCP server offers the site-specific option "L2Q=1,L2QVLAN=1212"
      And DES names the configuration server "https://prov.example.com/j100"
      When nobody answers the question for 60 seconds
      Then the phone is provisioned from "https://prov.example.com/j100"

  @req:ASSUME-11 @assumption
  Rule: ASSUME-11 — On timeout, a local server that cannot be reached sends the phone on to DES
    A server that cannot be reached is no server found, and on the timeout path DES comes
    after a local search that found nothing.

    Scenario Outline: The server <source> names is down, DES names another
      Given <announcement>
      And the configuration server "<server>" is not on the network
      And DES names the configuration server "https://prov.example.com/j100"
      When nobody answers the question for 60 seconds
      Then the phone is provisioned from "https://prov.example.com/j100"

      Examples: a local source names a server that is down
        | source | announcement                                                          | server     |
        | DHCP   | the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50" | 192.0.2.50 |
        | LLDP   | the switch announces the file server 192.0.2.60 over LLDP             | 192.0.2.60 |

  @req:ASSUME-21 @assumption
  Rule: ASSUME-21 — The administration menu outranks DHCP, LLDP and DES wherever the phone waits for a server
    J100 precedence puts the administration menu above every other source; an installer at the
    phone during the search knows better than what the search may still find.

    Scenario: On timeout, a server set in the administration menu during the search is used
      Given DES names the configuration server "https://prov.example.com/j100"
      And the configuration server "192.0.2.50" holds the site's settings
      When nobody answers the question for 60 seconds
      And the installer sets the configuration server "192.0.2.50" in the administration menu
      Then the phone is provisioned from "http://192.0.2.50"
      And the phone never contacted DES

  @req:ASSUME-2 @assumption
  Rule: ASSUME-2 — On timeout, a DES with no server for the phone leads to the enrollment code
    DES is the only route left, and the code is how an installer claims the phone; the code
    then works exactly as after Yes.

    Scenario: A DHCP answer after the search does not interrupt the code prompt
      Given DES has no configuration server for the phone
      And the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50" after 31 seconds
      When nobody answers the question for 60 seconds
      Then the phone asks for the enrollment code

    @req:CODE-2
    Scenario: DES has no server, the code provisions the phone
      Given DES has no configuration server for the phone
      And DES names the configuration server "https://prov.example.com/j100" for the enrollment code "48213377"
      When nobody answers the question for 60 seconds
      And the user enters the enrollment code "48213377"
      Then the phone is provisioned from "https://prov.example.com/j100"

    @req:CODE-3
    Scenario: Cancelling the code leads to the configuration server by hand
      Given DES has no configuration server for the phone
      When nobody answers the question for 60 seconds
      And the user presses Cancel
      Then the phone asks for the configuration server by hand
