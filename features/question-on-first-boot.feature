@product @path:question
Feature: The question on first boot
  Product's specification of the question a new phone asks (the source's first two lines). A new
  phone cannot know whether the person unpacking it wants Device Enrollment Services (DES) to set
  it up, so it asks, and waits a minute for the answer. QA's detail: conformance/question.feature.

  @req:PROMPT-1
  Rule: PROMPT-1 — A phone on its first boot asks whether to activate auto provisioning now

    Scenario: The question is the first thing a new phone shows
      When the phone boots for the first time
      Then the first thing the phone shows is the question "Do you want to activate Auto Provisioning now"
      And the phone offers the answers Yes and No

    Scenario: Until the question is answered the phone looks for no server
      When the phone boots for the first time
      And nobody answers the question for 30 seconds
      Then the phone has looked for no configuration server yet

  @req:PROMPT-2
  Rule: PROMPT-2 — The question waits a minute for Yes or No; if neither comes, the phone times out

    Scenario Outline: <answer> in the last moment of the minute still decides the path
      Given DES has no configuration server for the phone
      When the user answers <answer> after 59.999 seconds
      Then the phone takes the <answer> path

      Examples: the two answers
        | answer |
        | Yes    |
        | No     |

    Scenario: Without an answer in 60 seconds the question times out
      Given DES has no configuration server for the phone
      When nobody answers the question for 60 seconds
      Then the phone takes the timeout path

    Scenario: Only Yes or No answers the question
      When the phone boots for the first time
      And the user presses Cancel
      Then the phone is still asking the question

  @req:ASSUME-8 @assumption
  Rule: ASSUME-8 — The minute starts when the question is shown; an answer once it is over is too late
    A boundary everyone can test: when the minute is over the timeout has happened, whatever key
    comes next, so the phone never depends on which of two events it handles first.

    Scenario: Yes pressed as the minute ends does not answer the question
      Given the switch names the configuration server "192.0.2.60" after 20 seconds
      When the user answers Yes after 60 seconds
      Then the phone is provisioned from "192.0.2.60"
      And the phone never contacted DES

  @req:ASSUME-15 @assumption
  Rule: ASSUME-15 — A provisioned phone does not ask again on later boots
    The question belongs to the first boot. A phone that has a configuration server goes back to it,
    and keeps the settings it has when that server is away; a phone left without settings starts over.

    Scenario: A restart goes straight back to the configuration server
      Given the phone was provisioned from "https://prov.example.com/j100"
      When the phone restarts
      Then the phone does not ask the question
      And the phone is provisioned from "https://prov.example.com/j100"

    Scenario: A restart with the configuration server away keeps the settings the phone had
      Given the phone was provisioned from "https://prov.example.com/j100"
      And the configuration server "https://prov.example.com/j100" cannot be reached
      When the phone restarts
      Then the phone does not ask the question
      And the phone has the site's settings

    Scenario: A phone left unprovisioned asks again when it restarts
      Given the phone is asking for the configuration server by hand
      When the user presses Cancel
      And the phone restarts
      Then the phone is still asking the question

  @req:ASSUME-24 @assumption
  Rule: ASSUME-24 — The screens speak the phone's own words; the specification holds them to what they mean
    The source words only the question, so only the question is quoted. Every other screen is known
    by its meaning (which prompt, and why it is shown again): product may reword them all.

    Scenario: The prompt after the question is known by its meaning, in words that fit the phone's screen
      Given DES has no configuration server for the phone
      When the user answers Yes
      Then the phone asks for the enrollment code
      And every screen the phone showed fits a desk phone's screen
