@path:yes
Feature: Answering Yes — the phone finds its server through Device Enrollment Services
  An installer who answers Yes wants the phone to be set up from DES, Avaya's cloud
  enrollment service, and from nothing on the local network. DES either names the phone's
  configuration server, or does not know one yet and the phone asks for an enrollment code.
  What the phone does when DES or the server fails is in the fault matrix (faults.feature).

  Background:
    Given the phone boots for the first time

  @req:YES-1
  Rule: YES-1 — After Yes the phone looks for its server through DES only

    Scenario: DHCP and LLDP are not consulted even when they would name a server
      Given DES assigns the phone to the configuration server "https://prov.example.com/j100"
      And the configuration server "https://prov.example.com/j100" holds the site's settings
      And the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50"
      And the switch announces the file server 192.0.2.60 over LLDP
      When the user answers Yes
      Then the phone is provisioned from "https://prov.example.com/j100"
      And the phone never consulted DHCP or LLDP

    Scenario: A No pressed while DES is still being asked does not start a local search
      Given DES stays silent
      When the user answers Yes
      And the user answers No after 1 second
      Then the phone asks for the configuration server by hand
      And the phone never consulted DHCP or LLDP

  @req:YES-2
  Rule: YES-2 — DES names the configuration server and the phone fetches its settings there

    Scenario Outline: The phone fetches its settings from <server>, as DES names it
      Given DES assigns the phone to the configuration server "<server>"
      And the configuration server "<server>" holds the site's settings
      When the user answers Yes
      Then the phone is provisioned from "<server>"
      And the phone uses the setting SIPDOMAIN "example.com"

      Examples: forms of provisioning URL that DES hands out
        | server                                 |
        | https://prov.example.com/j100          |
        | http://prov.example.com:8080/phones    |
        | 198.51.100.7                           |

    Scenario: The settings the server holds are the settings the phone uses
      Given DES assigns the phone to the configuration server "https://prov.example.com/j100"
      And the configuration server "https://prov.example.com/j100" holds these settings:
        """
        ## Settings for the Leeds office
        SET SIP_CONTROLLER_LIST "sbc1.leeds.example.com:5061;transport=tls"
        SET SIPDOMAIN leeds.example.com
        """
      When the user answers Yes
      Then the phone uses the setting SIP_CONTROLLER_LIST "sbc1.leeds.example.com:5061;transport=tls"
      And the phone uses the setting SIPDOMAIN "leeds.example.com"

  @req:YES-3
  Rule: YES-3 — When the server DES names cannot be contacted, the phone asks for the server by hand

    Scenario: A No pressed while the phone waits for the named server does not start a local search
      Given DES assigns the phone to the configuration server "https://prov.example.com/j100"
      And the configuration server "https://prov.example.com/j100" stays silent
      When the user answers Yes
      And the user answers No after 1 second
      Then the phone asks for the configuration server by hand
      And the phone never consulted DHCP or LLDP

    Scenario: The named server is down
      Given DES assigns the phone to the configuration server "https://prov.example.com/j100"
      And the configuration server "https://prov.example.com/j100" is not on the network
      When the user answers Yes
      Then the phone asks for the configuration server by hand
      And the phone tells the user "Could not get settings"

    Scenario: The user types a working server and the phone is provisioned from it
      Given DES assigns the phone to the configuration server "https://prov.example.com/j100"
      And the configuration server "https://prov.example.com/j100" is not on the network
      And the configuration server "https://backup.example.com" holds the site's settings
      When the user answers Yes
      And the user enters the configuration server "https://backup.example.com"
      Then the phone is provisioned from "https://backup.example.com"

  @req:YES-4
  Rule: YES-4 — When DES has no server for the phone, the phone asks for the enrollment code

    Scenario: DES knows the phone but has no server for it yet
      Given DES has no configuration server for the phone
      When the user answers Yes
      Then the phone asks for the enrollment code
      And the phone never consulted DHCP or LLDP

  @req:ASSUME-19 @assumption
  Rule: ASSUME-19 — The phone reaches DES only over TLS at des.avaya.com
    DES is HTTPS-only and trusts the phone's factory certificate. Its wire format is not public:
    the request and reply the stubbed DES speaks are the suite's own.

    Scenario: Every connection to DES is a TLS connection to des.avaya.com
      Given DES has no configuration server for the phone
      When the user answers Yes
      Then the phone reached DES only over TLS at des.avaya.com

  @req:ASSUME-23 @assumption
  Rule: ASSUME-23 — A provisioning URL the phone cannot use counts as a malformed DES reply
    The phone cannot fetch settings from an address it cannot read, so DES has not helped.

    @fault
    Scenario: DES names a server with an unusable address
      Given DES assigns the phone to the configuration server "ftp://prov.example.com/j100"
      When the user answers Yes
      Then the phone asks for the configuration server by hand
      And the phone tells the user "unusable provisioning URL"
