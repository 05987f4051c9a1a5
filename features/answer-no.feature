@path:no
Feature: Answering No — the phone finds its server on the local network
  An installer who answers No keeps the phone away from DES. The phone looks for its
  configuration server the way J100 phones always have: the DHCP site-specific option (SSON),
  LLDP from the switch, or the administration menu. When none of them names a server the
  phone asks for the provisioning details by hand.

  Background:
    Given the phone boots for the first time

  @req:NO-1
  Rule: NO-1 — After No the phone never uses DES; DHCP SSON, LLDP or the administration menu name the server

    Scenario: A Yes pressed while the phone searches does not contact DES
      Given the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50" after 5 seconds
      And the configuration server "192.0.2.50" holds the site's settings
      When the user answers No
      And the user answers Yes after 1 second
      Then the phone is provisioned from "http://192.0.2.50"
      And the phone never contacted DES

    Scenario Outline: <source> names the server
      Given <announcement>
      And the configuration server "<server>" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "<server>"
      And the phone never contacted DES

      Examples: one source at a time
        | source                         | announcement                                                             | server                          |
        | the SSON's HTTPSRVR            | the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50"    | http://192.0.2.50               |
        | the SSON's TLSSRVR and HTTPDIR | the DHCP server offers the site-specific option "TLSSRVR=prov.example.com,HTTPDIR=j100" | https://prov.example.com:411/j100 |
        | Avaya's DHCP option 43         | the DHCP server offers Avaya's vendor option naming the server "192.0.2.51" | http://192.0.2.51           |
        | LLDP alone                     | the switch announces the file server 192.0.2.60 over LLDP                | http://192.0.2.60               |

    Scenario: DES is not contacted even when it would have named a server
      Given DES assigns the phone to the configuration server "https://prov.example.com/j100"
      And the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50"
      And the configuration server "192.0.2.50" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.50"
      And the phone never contacted DES

    Scenario: The administration menu names the server while the phone searches
      Given the configuration server "https://prov.example.com/j100" holds the site's settings
      When the user answers No
      And the installer sets the configuration server "https://prov.example.com/j100" in the administration menu
      Then the phone is provisioned from "https://prov.example.com/j100"
      And the phone never contacted DES

  @req:ASSUME-16 @assumption
  Rule: ASSUME-16 — When DHCP and LLDP disagree, DHCP wins
    J100 precedence puts DHCP above LLDP for the file server.

    Scenario: LLDP names its server first, DHCP names another a moment later
      Given the switch announces the file server 192.0.2.60 over LLDP after 1 second
      And the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50" after 5 seconds
      And the configuration server "192.0.2.50" holds the site's settings
      And the configuration server "192.0.2.60" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.50"

  @req:ASSUME-9 @assumption
  Rule: ASSUME-9 — The phone waits up to 30 seconds for DHCP and LLDP
    LLDP frames can take up to 30 s to arrive. A late frame still counts; after 30 s the search
    is over.

    Scenario: A later LLDP frame without a file server does not erase the one announced before
      Given the DHCP server offers the site-specific option "L2Q=1" after 5 seconds
      And the switch announces the file server 192.0.2.60 over LLDP after 0.5 seconds
      And the switch sends LLDP without a file server
      And the configuration server "192.0.2.60" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.60"

    Scenario: A server from DHCP ends the search at once
      Given the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50"
      And the configuration server "192.0.2.50" holds the site's settings
      And the switch announces the file server 192.0.2.60 over LLDP after 20 seconds
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.50"
      And the phone ended its search within 1 second

    Scenario: A DHCP answer after the 30 seconds comes too late
      Given the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50" after 31 seconds
      And the configuration server "192.0.2.50" holds the site's settings
      When the user answers No
      Then the phone asks for the provisioning details by hand

    Scenario Outline: LLDP arrives after <wait>
      Given the DHCP server offers no configuration server
      And the switch announces the file server 192.0.2.60 over LLDP after <wait>
      And the configuration server "192.0.2.60" holds the site's settings
      When the user answers No
      Then the phone <outcome>

      Examples:
        | wait           | outcome                                        |
        | 29 seconds     | is provisioned from "http://192.0.2.60"        |
        | 31 seconds     | asks for the provisioning details by hand      |

  @req:ASSUME-14 @assumption
  Rule: ASSUME-14 — Servers in a list are tried in order, HTTPS before HTTP
    Lists exist for redundancy, and J100 phones prefer TLS servers.

    Scenario: The first server is down, the second answers
      Given the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50,192.0.2.51"
      And the configuration server "192.0.2.50" is not on the network
      And the configuration server "192.0.2.51" holds the site's settings
      When the user answers No
      Then the phone tried the configuration servers "192.0.2.50" and "192.0.2.51" in that order
      And the phone is provisioned from "http://192.0.2.51"

    Scenario: A TLS server is preferred to an HTTP server
      Given the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50,TLSSRVR=192.0.2.52"
      And the configuration server "https://192.0.2.52:411" holds the site's settings
      And the configuration server "192.0.2.50" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "https://192.0.2.52:411"

  @req:NO-2
  Rule: NO-2 — When DHCP and LLDP name no server, the phone asks for the provisioning details by hand

    Scenario: Neither DHCP nor LLDP names a server
      Given the DHCP server offers no configuration server
      And the switch sends LLDP without a file server
      When the user answers No
      Then the phone asks for the provisioning details by hand
      And the phone searched with DHCP and LLDP
      And the phone never contacted DES

    Scenario: The provisioning details typed by hand provision the phone
      Given the DHCP server offers no configuration server
      And the configuration server "https://prov.example.com/j100" holds the site's settings
      When the user answers No
      And the user enters the provisioning details "https://prov.example.com/j100"
      Then the phone is provisioned from "https://prov.example.com/j100"
      And the phone never contacted DES

  @req:ASSUME-10 @assumption
  Rule: ASSUME-10 — A site-specific option without a server counts as nothing found
    Without HTTPSRVR or TLSSRVR there is nowhere to fetch settings from.

    Scenario: The SSON sets only the VLAN
      Given the DHCP server offers the site-specific option "L2Q=1,L2QVLAN=1212"
      When the user answers No
      Then the phone asks for the provisioning details by hand

  @req:ASSUME-11 @assumption
  Rule: ASSUME-11 — A server found locally that cannot be reached is no server found
    The source says what to do with an unreachable server only after Yes. On No the phone asks
    for the provisioning details; on timeout it goes on to DES (see the timeout feature).

    Scenario: The server DHCP names is down
      Given the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50"
      And the configuration server "192.0.2.50" is not on the network
      When the user answers No
      Then the phone asks for the provisioning details by hand
      And the phone tells the user "Could not get settings"
      And the phone never contacted DES

  @req:ASSUME-21 @assumption
  Rule: ASSUME-21 — The administration menu outranks DHCP and LLDP
    J100 precedence puts the administration menu above DHCP and LLDP.

    Scenario: The installer's server is used when the phone asks for the provisioning details
      Given the DHCP server offers no configuration server
      And the configuration server "https://prov.example.com/j100" holds the site's settings
      When the user answers No
      And the installer sets the configuration server "https://prov.example.com/j100" in the administration menu instead of typing it
      Then the phone is provisioned from "https://prov.example.com/j100"

    Scenario: The administration menu does not answer the question
      Given the configuration server "https://prov.example.com/j100" holds the site's settings
      When the installer sets the configuration server "https://prov.example.com/j100" in the administration menu
      Then the phone is still asking the question

    Scenario: After Yes the administration menu is not used at the enrollment code prompt
      Given DES has no configuration server for the phone
      And the configuration server "https://prov.example.com/j100" holds the site's settings
      When the user answers Yes
      And the installer sets the configuration server "https://prov.example.com/j100" in the administration menu instead of typing it
      Then the phone asks for the enrollment code

    Scenario: After Yes the administration menu waits until the phone shows it is not provisioned
      Given DES has no configuration server for the phone
      And the configuration server "https://prov.example.com/j100" holds the site's settings
      When the user answers Yes
      And the user presses Cancel
      And the installer sets the configuration server "https://prov.example.com/j100" in the administration menu instead of typing it
      Then the phone asks for the configuration server by hand

    Scenario: The installer's server is used while DHCP is still to answer
      Given the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50"
      And the configuration server "192.0.2.50" holds the site's settings
      And the configuration server "https://prov.example.com/j100" holds the site's settings
      When the user answers No
      And the installer sets the configuration server "https://prov.example.com/j100" in the administration menu
      Then the phone is provisioned from "https://prov.example.com/j100"
