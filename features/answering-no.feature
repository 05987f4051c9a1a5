@product @path:no
Feature: Answering No: the local network, never DES
  Product's specification of the No answer. An installer who answers No keeps the phone away from
  DES: it finds its configuration server the way J100 phones always have, from DHCP, from LLDP (the
  switch), or from the administration menu, and asks for the provisioning details by hand when
  none of them names one. QA's detail: conformance/answer-no.feature and conformance/faults.feature.

  @req:NO-1
  Rule: NO-1 — After No the phone never uses DES; DHCP SSON, LLDP or the administration menu name the server

    Scenario Outline: <source> names the server, and DES is never asked
      Given DES names the configuration server "https://prov.example.com/j100"
      And <source> names the configuration server "<server>"
      When the user answers No
      Then the phone is provisioned from "<server>"
      And the phone never contacted DES

      Examples: the local sources
        | source          | server     |
        | the DHCP server | 192.0.2.50 |
        | the switch      | 192.0.2.60 |

    Scenario: The administration menu names the server while the phone searches
      Given the configuration server "https://prov.example.com/j100" holds the site's settings
      When the user answers No
      And the installer sets the configuration server "https://prov.example.com/j100" in the administration menu
      Then the phone is provisioned from "https://prov.example.com/j100"
      And the phone never contacted DES

  @req:NO-2
  Rule: NO-2 — When DHCP and LLDP name no server, the phone asks for the provisioning details by hand

    Scenario: Neither DHCP nor the switch names a server
      Given neither DHCP nor the switch names a configuration server
      When the user answers No
      Then the phone asks for the provisioning details by hand
      And the phone never contacted DES

    Scenario: The details typed by hand provision the phone
      Given the configuration server "https://prov.example.com/j100" holds the site's settings
      And the phone is asking for the provisioning details by hand
      When the user enters the provisioning details "https://prov.example.com/j100"
      Then the phone is provisioned from "https://prov.example.com/j100"
      And the phone never contacted DES

  @req:ASSUME-9 @assumption
  Rule: ASSUME-9 — The local search takes a bounded time, and a server from DHCP ends it at once
    A phone left searching helps nobody. How long it waits, and how DHCP and LLDP share the wait,
    is engineering's placeholder (ASSUME-9b).

    Scenario: A server from DHCP is used without waiting for the switch
      Given the DHCP server names the configuration server "192.0.2.50"
      And the switch names the configuration server "192.0.2.60" after 20 seconds
      When the user answers No
      Then the phone is provisioned from "192.0.2.50"
      And the phone ended its search within 1 second

  @req:ASSUME-11 @assumption
  Rule: ASSUME-11 — After No, a server found locally that cannot be reached counts as none found
    The source says what to do with a server that cannot be reached only after Yes. After No someone
    is at the phone, so it asks for the provisioning details.

    Scenario: The server DHCP names cannot be reached
      Given the DHCP server names the configuration server "192.0.2.50", which cannot be reached
      When the user answers No
      Then the phone asks for the provisioning details by hand
      And the phone never contacted DES

  @req:ASSUME-21 @assumption
  Rule: ASSUME-21 — The installer may name the server in the administration menu instead of typing it
    The administration menu outranks DHCP and LLDP on a J100; it is the installer's usual tool.

    Scenario: The installer uses the administration menu at the provisioning details prompt
      Given the configuration server "https://prov.example.com/j100" holds the site's settings
      And the phone is asking for the provisioning details by hand
      When the installer sets the configuration server "https://prov.example.com/j100" in the administration menu instead of typing it
      Then the phone is provisioned from "https://prov.example.com/j100"
